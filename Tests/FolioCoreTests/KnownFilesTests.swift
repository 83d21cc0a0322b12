import Foundation
import Testing
@testable import FolioCore

/// `KnownFiles` finds a path where a dictionary from path to position (the
/// last of equal paths) finds it, whatever the order and bytes of the list.
struct KnownFilesTests {
    static func file(_ path: String) -> IndexedFile {
        IndexedFile(path: path, absolutePath: "/lib/" + path, size: 1, modifiedNanoseconds: 0, outcome: .problem("-"))
    }

    /// Paths from a small alphabet, so that prefixes, folders and near misses are common;
    /// some not ASCII, among them ones equal as Strings to others ("e\u{301}" and "é", KELVIN SIGN and "K").
    static func paths(_ random: inout SystemRandomNumberGenerator, count: Int, ascii: Bool) -> [String] {
        let pieces = ascii ? ["a", "b", "K", "/", "-", ".", "a/", "txt"] : ["a", "b", "K", "/", "\u{212A}", "e\u{301}", "\u{E9}", ".", "\u{10FF41}"]
        return (0..<count).map { _ in (0..<Int.random(in: 1...6, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined() }
    }

    @Test func findsAsTheDictionaryDoes() {
        var random = SystemRandomNumberGenerator()
        for round in 0..<300 {
            let ascii = round % 3 != 0
            var listed = Self.paths(&random, count: Int.random(in: 0...40, using: &random), ascii: ascii)
            // As the index gives them (byte order, no repeats), and sometimes not.
            if round % 2 == 0 { listed = Array(Set(listed)).sorted { ASCIINames.compareBytes($0, $1)! < 0 } }
            var known = KnownFiles(listed.map(Self.file))
            var expected: [String: Int] = [:]
            for (i, path) in listed.enumerated() { expected[path] = i }
            // Walk-like queries: runs of neighbours in order, then anything.
            var queries = listed.shuffled(using: &random).prefix(10) + Self.paths(&random, count: 10, ascii: ascii)
            if let start = listed.indices.randomElement(using: &random) { queries += listed[start...].prefix(8) }
            for path in queries.shuffled(using: &random) + listed {
                #expect(known.position(of: path) == expected[path], "\(listed) \(path)")
            }
            #expect(known.hasEqualPaths == (expected.count != listed.count), "\(listed)")
        }
    }

    @Test func anIndexListIsSearchedWithoutADictionary() {
        let known = KnownFiles(["a.txt", "a/b.txt", "b/c.md", "b/d.md"].map(Self.file))
        #expect(known.isSortedASCII)
        #expect(!KnownFiles(["b.txt", "a.txt"].map(Self.file)).isSortedASCII)
        #expect(!KnownFiles(["a.txt", "caf\u{E9}.txt"].map(Self.file)).isSortedASCII)
    }
}
