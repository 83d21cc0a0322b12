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

/// Lines ruled out as source markers on their bytes are the lines `markedSource` finds nothing in.
struct PlainTextMarkerTests {
    @Test func plainASCIILinesHoldNoSource() {
        var random = PlainTextRandom(seed: 41)
        let seeds = ["Source: Harbour Daily", "  | SOURCE : x", "Via Example", "This post Appeared First on x.example.", "via:",
                     "Originally published at Foo", "publisher: Bar Media", "Site:", "source", "-- Quelle: Y", "REPRINTED FROM z"]
        var plain = 0
        for round in 0..<6000 {
            let text = (round % 3 == 0 ? seeds[round % seeds.count] : "") + random.text(maxPieces: 6)
            guard Attribution.isPlainASCIILine(text) else { continue }
            plain += 1
            #expect(Attribution.markedSourceReadingAll(text) == nil, "\(text)")
            #expect(text.lowercased().utf8.allSatisfy { $0 < 0x80 })
        }
        #expect(plain > 1000)
        for seed in seeds where Attribution.markedSourceReadingAll(seed) != nil { #expect(!Attribution.isPlainASCIILine(seed), "\(seed)") }
    }
}
