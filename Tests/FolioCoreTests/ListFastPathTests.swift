import Foundation
import Testing
@testable import FolioCore

/// Byte-level shortcuts on the warm list's path, against the String code they stand for.
struct ListFastPathTests {
    static let pieces = ["a", "tag", " ", "\n", "\n\n", "\r", "\r\n", "\u{E9}", "e\u{301}", "\u{301}", "\u{1F1EB}\u{1F1F7}", "\u{10FF41}", "\u{F4}"]

    static func text(_ random: inout SystemRandomNumberGenerator) -> String {
        (0..<Int.random(in: 0...8, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
    }

    @Test func tagLinesSplitAsCharacters() {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let text = Self.text(&random)
            #expect(IndexStore.lines(text) == text.split(separator: "\n").map(String.init), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func fileNamesReachTheKernelAsPathCodingGivesThem() {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let name = Self.text(&random)
            let fast = LibraryScanner.withFileName(name) { Array(UnsafeBufferPointer(start: $0, count: strlen($0) + 1)) }
            let plain = PathCoding.withCString(name) { Array(UnsafeBufferPointer(start: $0, count: strlen($0) + 1)) }
            #expect(fast == plain, "\(Array(name.unicodeScalars))")
        }
    }
}
