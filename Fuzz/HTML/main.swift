import FolioCore
import FuzzSupport

// libFuzzer target: HTMLExtractor. Any trap (a Swift runtime error, a broken property in
// FuzzDriver.extract) or an AddressSanitizer report is a finding.
FuzzDriver.run { data, size in
    FuzzDriver.extract(HTMLExtractor(), FuzzDriver.bytes(data, size), fileName: "fuzz.html")
    return 0
}
