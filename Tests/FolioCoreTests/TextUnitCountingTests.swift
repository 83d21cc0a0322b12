import Foundation
import Testing
@testable import FolioCore

/// Stopwords looked up from one load, and cookies looked for only where a notice can be.
struct TextUnitCountingTests {
    @Test func stopwordsFromOneLoadMatchTheByteLoop() {
        var random = PlainTextRandom(seed: 61)
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'".utf8)
        var found = 0
        for round in 0..<20000 {
            // A stopword in some case, or random letters; then bytes after it, up to none.
            var word: [UInt8]
            if round % 2 == 0 {
                word = Array(TextSignals.stopwords.randomElement(using: &random)!.utf8)
                if word.contains(where: { $0 >= 0x80 }) { continue }
                word = word.map { Bool.random(using: &random) ? $0 & ~0x20 : $0 }
            } else {
                word = (0..<Int.random(in: 1...10, using: &random)).map { _ in letters.randomElement(using: &random)! }
            }
            let before = (0..<Int.random(in: 0...3, using: &random)).map { _ in UInt8(ascii: " ") }
            let after = (0..<Int.random(in: 0...9, using: &random)).map { _ in letters.randomElement(using: &random)! }
            let bytes = before + word + after
            bytes.withUnsafeBufferPointer { all in
                let start = before.count, end = before.count + word.count
                let fast = TextSignals.isStopword(letters: all, start, end, in: TextSignals.asciiStopwords)
                let slow = TextSignals.isStopword(ascii: UnsafeBufferPointer(rebasing: all[start..<end]))
                #expect(fast == slow, "\(bytes) \(start)..<\(end)")
                if fast { found += 1 }
            }
        }
        #expect(found > 3000)
    }

    /// `TextUnit.Measure` skips the cookie pass outside these word counts, where no line is a notice.
    @Test func noticesNeedTheWordsMeasureLooksForCookiesAt() {
        let notice = "we use cookies to improve this site. accept all cookies or manage your consent."
        #expect(TextSignals.isConsentNotice(notice, words: 14))
        for words in [0, 1, 2, 3, 71, 72, 500] {
            #expect(!TextUnit.Measure.mayBeNotice(words))
            #expect(!TextSignals.isConsentNotice(notice, words: words))
        }
        for words in 4...70 { #expect(TextUnit.Measure.mayBeNotice(words)) }
        let unit = TextUnit("We use cookies to improve this site. Accept all cookies or manage your consent.")
        #expect(unit.kind == .chrome)
    }

    @Test func measuredCookiesMatchAFullScan() {
        var random = PlainTextRandom(seed: 67)
        for round in 0..<3000 {
            let text = random.text(maxPieces: round % 5 == 0 ? 400 : 40)
            let measure = TextUnit.Measure(text)
            var stats = TextUnit.Stats()
            var sample = measure.sample(of: text)
            sample.withUTF8 { stats.scan($0) }
            #expect(measure.mayMentionCookies == (TextUnit.Measure.mayBeNotice(measure.words) && stats.mayMentionCookies),
                    "\(Array(text.unicodeScalars))")
        }
    }
}
