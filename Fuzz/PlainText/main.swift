import FolioCore
import FuzzSupport

// libFuzzer target: PlainTextExtractor. Any trap (a Swift runtime error, a broken property in
// FuzzDriver.extract) or an AddressSanitizer report is a finding.
FuzzDriver.run { data, size in
    FuzzDriver.extract(PlainTextExtractor(), FuzzDriver.bytes(data, size), fileName: "fuzz.txt")
    return 0
}
