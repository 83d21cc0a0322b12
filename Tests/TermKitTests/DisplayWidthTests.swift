import Testing
@testable import TermKit

struct DisplayWidthTests {
    // MARK: Single clusters

    @Test(arguments: [
        ("a", 1), ("e\u{301}", 1), ("é", 1), ("—", 1), ("…", 1), ("─", 1), ("┼", 1), ("\u{A0}", 1),
        ("ｱ", 1),                      // halfwidth katakana U+FF71
        ("☺", 1),                      // text presentation by default
        ("1", 1), ("#", 1),
    ] as [(Character, Int)])
    func narrowClusters(_ character: Character, _ width: Int) {
        #expect(DisplayWidth.of(character) == width)
    }

    @Test(arguments: [
        ("日", 2), ("あ", 2), ("カ", 2), ("한", 2), ("ᄀ", 2), ("ㄅ", 2), ("ꀀ", 2), ("豈", 2),
        ("\u{3000}", 2), ("、", 2), ("！", 2), ("￥", 2), ("\u{20000}", 2),   // CJK ext B
        ("😀", 2), ("👩‍🔬", 2), ("🇯🇵", 2), ("☺️", 2), ("1️⃣", 2), ("#️⃣", 2), ("👍🏽", 2), ("☝🏽", 2),
        ("❤️‍🔥", 2), ("👁‍🗨", 2), ("⌚", 2), ("©️", 2), ("↔️", 2),
    ] as [(Character, Int)])
    func wideClusters(_ character: Character, _ width: Int) {
        #expect(DisplayWidth.of(character) == width)
    }

    @Test(arguments: [
        "\u{301}", "\u{200D}", "\u{FE0F}", "\u{200B}", "\u{AD}", "\u{0}", "\u{1B}", "\u{7F}", "\u{9B}", "\r\n", "\u{1160}",
    ] as [Character])
    func zeroWidthClusters(_ character: Character) {
        #expect(DisplayWidth.of(character) == 0)
    }

    @Test func hangulJamoSequenceIsOneWideCluster() {
        let syllable: Character = "\u{1100}\u{1161}\u{11A8}"    // conjoining L V T
        #expect(DisplayWidth.of(syllable) == 2)
    }

    // MARK: Strings

    @Test func stringWidthsSumClusters() {
        #expect(DisplayWidth.of("日本" as String) == 4)
        #expect(DisplayWidth.of("hello" as String) == 5)
        #expect(DisplayWidth.of("" as String) == 0)
        #expect(DisplayWidth.of("a日b😀c\u{301}" as String) == 7)
        #expect(DisplayWidth.of("👩‍🔬🇯🇵☺☺️" as String) == 7)
        #expect(DisplayWidth.of("ｱｲｳ" as String) == 3)
        #expect(DisplayWidth.of("Zalgo\u{300}\u{301}\u{302}" as String) == 5)
    }

    @Test func substringWidth() {
        let text = "xx日本yy"
        #expect(DisplayWidth.of(text.dropFirst(2).dropLast(2)) == 4)
    }

    // MARK: truncate

    @Test func truncateLeavesFittingTextAlone() {
        #expect(DisplayWidth.truncate("hello", to: 5) == "hello")
        #expect(DisplayWidth.truncate("日本", to: 4) == "日本")
        #expect(DisplayWidth.truncate("", to: 3) == "")
    }

    @Test func truncateAddsEllipsisWithinWidth() {
        #expect(DisplayWidth.truncate("hello world", to: 5) == "hell…")
        #expect(DisplayWidth.truncate("hello world", to: 5, ellipsis: "...") == "he...")
        #expect(DisplayWidth.truncate("hello world", to: 5, ellipsis: "") == "hello")
    }

    @Test func truncateDoesNotSplitWideCharacters() {
        #expect(DisplayWidth.truncate("日本語", to: 4) == "日…")                 // 日 + … = 3 columns
        #expect(DisplayWidth.truncate("日本語", to: 5) == "日本…")
        #expect(DisplayWidth.truncate("日本語", to: 3, ellipsis: "") == "日")
        #expect(DisplayWidth.truncate("a👩‍🔬b", to: 2, ellipsis: "") == "a")
    }

    @Test func truncateKeepsCombiningMarksWithTheirBase() {
        #expect(DisplayWidth.truncate("e\u{301}e\u{301}e\u{301}", to: 2, ellipsis: "") == "e\u{301}e\u{301}")
    }

    @Test func truncateEdgeWidths() {
        #expect(DisplayWidth.truncate("hello", to: 0) == "")
        #expect(DisplayWidth.truncate("hello", to: -3) == "")
        #expect(DisplayWidth.truncate("hello", to: 1) == "…")
        #expect(DisplayWidth.truncate("日本", to: 1) == "…")
        #expect(DisplayWidth.truncate("日本", to: 1, ellipsis: "") == "")
        #expect(DisplayWidth.truncate("hello", to: 2, ellipsis: "...") == "he")   // ellipsis too wide: left out
    }

    @Test func truncateResultAlwaysFits() {
        let samples = ["日本語テキスト", "mixed 日本 and 😀 emoji", "ｱｲｳｴｵ", "e\u{301}\u{302}x"]
        for text in samples {
            for width in 0...12 {
                for ellipsis in ["…", "", "..", "〜"] {
                    let result = DisplayWidth.truncate(text, to: width, ellipsis: ellipsis)
                    #expect(DisplayWidth.of(result) <= max(width, 0), "\(text) \(width) \(ellipsis)")
                    #expect(text.hasPrefix(result) || result.hasSuffix(ellipsis), "\(text) \(width)")
                }
            }
        }
    }

    // MARK: fit

    @Test func fitPadsShortText() {
        #expect(DisplayWidth.fit("ab", to: 5) == "ab   ")
        #expect(DisplayWidth.fit("日", to: 3) == "日 ")
        #expect(DisplayWidth.fit("", to: 2) == "  ")
    }

    @Test func fitKeepsExactText() {
        #expect(DisplayWidth.fit("abc", to: 3) == "abc")
        #expect(DisplayWidth.fit("日本", to: 4) == "日本")
    }

    @Test func fitReplacesStraddlingWideCharacterWithSpace() {
        #expect(DisplayWidth.fit("ab日", to: 3, ellipsis: "") == "ab ")
        #expect(DisplayWidth.fit("日本語", to: 5, ellipsis: "") == "日本 ")
        #expect(DisplayWidth.fit("a日本", to: 3) == "a… ")        // "a" + "…" = 2, padded to 3
        #expect(DisplayWidth.fit("日本語", to: 1, ellipsis: "") == " ")
    }

    @Test func fitTruncatesWithEllipsis() {
        #expect(DisplayWidth.fit("hello world", to: 6) == "hello…")
        #expect(DisplayWidth.fit("日本語", to: 4) == "日… ")
    }

    @Test func fitEdgeWidths() {
        #expect(DisplayWidth.fit("hello", to: 0) == "")
        #expect(DisplayWidth.fit("hello", to: 1) == "…")
        #expect(DisplayWidth.fit("h", to: 1) == "h")
        #expect(DisplayWidth.fit("😀", to: 1) == "…")
        #expect(DisplayWidth.fit("😀", to: 1, ellipsis: "") == " ")
    }

    @Test func fitAlwaysHasExactWidth() {
        let samples = ["日本語テキスト", "mixed 日本 and 😀 emoji", "🇯🇵🇯🇵", "a", ""]
        for text in samples {
            for width in 0...15 {
                for ellipsis in ["…", "", "...", "〜"] {
                    let result = DisplayWidth.fit(text, to: width, ellipsis: ellipsis)
                    #expect(DisplayWidth.of(result) == width, "\(text) \(width) \(ellipsis)")
                }
            }
        }
    }
}
