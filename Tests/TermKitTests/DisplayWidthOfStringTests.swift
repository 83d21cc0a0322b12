import Testing
@testable import TermKit

/// `DisplayWidth.of` has a String overload of its own (so other modules do
/// not call the generic one); it must measure what the generic one measures.
struct DisplayWidthOfStringTests {
    @Test func theStringOverloadMeasuresAsTheGenericOne() {
        let pieces = ["a", "Z", " ", "~", "\t", "\u{7F}", "é", "e\u{301}", "─", "…", "●", "日本", "👍🏽", "🇩🇪", "1️⃣", "\r\n", "\u{200B}", "ｱ"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(DisplayWidth.of(text) == DisplayWidth.of(Substring(text)), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect(DisplayWidth.of(" folio ─ ") == 9)
        #expect(DisplayWidth.of("日本") == 4)
    }
}
