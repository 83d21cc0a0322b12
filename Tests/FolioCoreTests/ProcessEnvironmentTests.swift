import Foundation
import Testing
@testable import FolioCore

/// The environment as folio reads it from `environ`.
@Suite struct ProcessEnvironmentTests {
    /// Parses `entries` as a null-terminated C array of C strings.
    func parse(_ entries: [[UInt8]]) -> [String: String] {
        let strings = entries.map { bytes -> UnsafeMutablePointer<CChar> in
            let copy = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count + 1)
            for (i, b) in bytes.enumerated() { copy[i] = CChar(bitPattern: b) }
            copy[bytes.count] = 0
            return copy
        }
        defer { strings.forEach { $0.deallocate() } }
        var array: [UnsafeMutablePointer<CChar>?] = strings + [nil]
        return array.withUnsafeMutableBufferPointer { ProcessEnvironment.parse($0.baseAddress) }
    }

    @Test func namesAndValuesSplitAtTheFirstEqualsSign() {
        let env = parse([Array("HOME=/home/ana".utf8), Array("EMPTY=".utf8), Array("OPTS=a=b=c".utf8)])
        #expect(env == ["HOME": "/home/ana", "EMPTY": "", "OPTS": "a=b=c"])
    }

    @Test func theFirstOfTwoEntriesWinsAsWithGetenvAndOddEntriesAreSkipped() {
        let env = parse([Array("TERM=xterm".utf8), Array("NOEQUALS".utf8), Array("=nameless".utf8), Array("TERM=vt100".utf8)])
        #expect(env == ["TERM": "xterm"])
    }

    @Test func bytesThatAreNotUTF8AreReplacedNotDropped() {
        let env = parse([Array("NAME=caf".utf8) + [0xE9], Array("LANG=C.UTF-8".utf8)])
        #expect(env["NAME"] == "caf\u{FFFD}")
        #expect(env["LANG"] == "C.UTF-8")
    }

    @Test func noEntriesAtAll() {
        #expect(parse([]).isEmpty)
        #expect(ProcessEnvironment.parse(nil).isEmpty)
    }

    @Test func theProcessEnvironmentIsWhatFoundationSees() {
        #expect(ProcessEnvironment.values == ProcessInfo.processInfo.environment)
    }
}
