import Foundation
import Testing
@testable import FolioCore

/// The walk's byte-level name handling against the String operations it stands for.
struct ASCIINamesTests {
    static let asciiPieces = ["a", "B", "z", "-", ".", "..", "txt", "TXT", "Md", "markdown", "htm", "HTML", "xhtml", "text", "~", " ", "0", "_"]

    static func name(_ random: inout SystemRandomNumberGenerator, _ pieces: [String] = asciiPieces) -> String {
        (0..<Int.random(in: 1...6, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
    }

    @Test func asciiNamesSortAndTypeAsStrings() {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let names = Array(Set((0..<Int.random(in: 0...30, using: &random)).map { _ in Self.name(&random) }))
            #expect(ASCIINames.sorted(names) == names.sorted())
            for name in names {
                #expect(ASCIINames.format(ofName: name) == ArticleFormat(fileName: name), "\(name)")
            }
        }
        for byte in UInt8(1)...UInt8(127) {
            let name = "a." + String(UnicodeScalar(byte)) + "tml"
            #expect(ASCIINames.format(ofName: "a.h" + String(UnicodeScalar(byte)) + "ml") == ArticleFormat(fileName: "a.h" + String(UnicodeScalar(byte)) + "ml"))
            #expect(ASCIINames.format(ofName: name) == ArticleFormat(fileName: name))
        }
    }

    @Test func joinedIsConcatenation() {
        var random = SystemRandomNumberGenerator()
        let pieces = Self.asciiPieces + ["\u{E9}", "e\u{301}", "\u{10FF41}", "", "\u{1F1EB}\u{1F1F7}"]
        for _ in 0..<1000 {
            let (a, b, c) = (Self.name(&random, pieces), Self.name(&random, pieces), Bool.random(using: &random) ? "" : Self.name(&random, pieces))
            let joined = ASCIINames.joined(a, b, c)
            #expect(Array(joined.utf8) == Array((a + b + c).utf8))
            #expect(joined == a + b + c)
        }
    }

    @Test func byteChecks() {
        #expect(ASCIINames.isASCII("plain-name.txt"))
        #expect(!ASCIINames.isASCII("caf\u{E9}.txt"))
        #expect(ASCIINames.compareBytes("a", "b")! < 0 && ASCIINames.compareBytes("ab", "a")! > 0 && ASCIINames.compareBytes("", "")! == 0)
    }
}
