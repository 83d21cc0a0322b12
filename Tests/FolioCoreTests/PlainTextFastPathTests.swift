import Foundation
import Testing
@testable import FolioCore

/// Byte searches that stand in for Foundation's in the plain-text extractor.
struct PlainTextFastPathTests {
    @Test func lastUTF8RangeMatchesFoundationOnSimpleText() {
        var random = PlainTextRandom(seed: 37)
        var compared = 0
        for round in 0..<5000 {
            let text = random.text(maxPieces: 8) + (round % 2 == 0 ? " | " : " :: ") + random.text(maxPieces: 8)
                + (round % 3 == 0 ? " | x" : "")
            guard SimpleCharacters.all(text) else { continue }
            compared += 1
            for separator in [" | ", " :: "] {
                let fast = text.lastUTF8Range(of: separator), slow = text.range(of: separator, options: .backwards)
                #expect(fast.map { String(text[..<$0.lowerBound]) } == slow.map { String(text[..<$0.lowerBound]) }, "\(text)")
                #expect(fast.map { String(text[$0.upperBound...]) } == slow.map { String(text[$0.upperBound...]) }, "\(text)")
            }
        }
        #expect(compared > 1000)
        #expect(PlainTextExtractor.splitSite("A headline here | Site") ?? ("", "") == ("A headline here", "Site"))
    }
}
