import Foundation
import Testing
@testable import FolioCore

/// `Byline.nameCase` returns mixed-case ASCII names at once; the rest as before.
struct BylineNameCaseTests {
    static func reference(_ name: String) -> String {
        let letters = name.filter(\.isLetter)
        guard letters.count >= 2, letters == letters.uppercased(), letters != letters.quickLowercased() else { return name }
        return name.split(separator: " ", omittingEmptySubsequences: true).map { word in
            word.prefix(1) + word.dropFirst().quickLowercased()
        }.joined(separator: " ")
    }

    @Test func nameCaseMatchesTheReference() {
        var random = PlainTextRandom(seed: 101)
        let names = ["ILSE MARWICK", "Ilse Marwick", "ilse marwick", "O'NEILL", "JEAN-LUC  PICARD", "A", "AB", "ÉMILE ZOLA", "Émile zola",
                     "MÜLLER", "x", "", "J. R. R. TOLKIEN", "MCDONALD jr", "ΣΩΚΡΆΤΗΣ", "\u{130}STANBUL", "DAVID\r\nBOWIE"]
        for round in 0..<4000 {
            let name = round < names.count ? names[round] : names.randomElement(using: &random)! + random.text(maxPieces: 3)
            #expect(Byline.nameCase(name) == Self.reference(name), "\(Array(name.unicodeScalars))")
        }
        #expect(Byline.nameCase("ILSE MARWICK") == "Ilse Marwick")
    }
}
