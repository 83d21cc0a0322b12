import Foundation
import Testing
@testable import FolioCore

@Suite struct EnvironmentTests {
    @Test func theProcessEnvironmentIsWhatFoundationSees() {
        let seen = ProcessInfo.processInfo.environment
        #expect(!seen.isEmpty)
        for (name, value) in seen { #expect(Environment.process[name] == value, "\(name)") }
        #expect(Environment.process["FOLIO_NO_SUCH_VARIABLE_\(UUID().uuidString)"] == nil)
    }

    @Test func aTableAnswersForItselfOnly() {
        let table: Environment = ["HOME": "/h", "EMPTY": ""]
        #expect(table["HOME"] == "/h")
        #expect(table["EMPTY"] == "")
        #expect(table["PATH"] == nil)  // not the process's
        #expect(Environment(["A": "1"])["A"] == "1")
    }
}
