import FolioCore
import FuzzSupport

// libFuzzer target: MarkdownExtractor. Any trap (a Swift runtime error, a broken property in
// FuzzDriver.extract) or an AddressSanitizer report is a finding.
FuzzDriver.run { data, size in
    FuzzDriver.extract(MarkdownExtractor(), FuzzDriver.bytes(data, size), fileName: "fuzz.md")
    return 0
}
