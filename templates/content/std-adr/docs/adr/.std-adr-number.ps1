# Written by `dotnet new std-adr` and deleted when it has run: gives the new record the next free number in
# docs/adr/ (the template engine cannot list files, so it creates the record as 0000-... and this renames it).
$ErrorActionPreference = 'Stop'
Set-Location -LiteralPath $PSScriptRoot
try {
    $new = '0000-std-adr-title.md'
    if (-not (Test-Path -LiteralPath $new -PathType Leaf)) {
        [Console]::Error.WriteLine("std-adr: $new not found in docs/adr/; nothing to number.")
        exit 1
    }

    $highest = 0
    foreach ($record in Get-ChildItem -File -Filter '*.md') {
        if ($record.Name -ne $new -and $record.Name -match '^(\d{4})-.+\.md$') {
            $number = [int]$Matches[1]
            if ($number -gt $highest) { $highest = $number }
        }
    }

    $next = '{0:D4}' -f ($highest + 1)
    $target = $next + $new.Substring(4)
    if (Test-Path -LiteralPath $target) {
        [Console]::Error.WriteLine("std-adr: docs/adr/$target already exists; create the record with --number <N> instead.")
        exit 1
    }

    $text = [System.IO.File]::ReadAllText((Join-Path $PSScriptRoot $new))
    $text = [regex]::Replace($text, '^# ADR-0000:', "# ADR-${next}:")
    [System.IO.File]::WriteAllText((Join-Path $PSScriptRoot $target), $text, (New-Object System.Text.UTF8Encoding($false)))
    Remove-Item -LiteralPath $new
    Write-Output "Created docs/adr/$target (ADR-$next)."
}
finally {
    Remove-Item -LiteralPath (Join-Path $PSScriptRoot '.std-adr-number.sh') -ErrorAction SilentlyContinue
    Remove-Item -LiteralPath (Join-Path $PSScriptRoot '.std-adr-number.ps1') -ErrorAction SilentlyContinue
}
