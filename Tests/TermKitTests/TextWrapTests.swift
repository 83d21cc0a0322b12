import Testing
@testable import TermKit

@Suite struct TextWrapTests {
    func wrap(_ text: String, _ width: Int) -> [String] {
        TextWrap.wrap(text, width: width).map(\.plainText)
    }

    static let noLineStart: Set<Character> = ["。", "、", "，", "．", "」", "』", "）", "！", "？", ")", "]", "}", ",", ".", ";", ":", "!", "?", "ー", "・", "…"]

    // MARK: Examples

    @Test func greedyWrapByWidth() {
        #expect(wrap("the quick brown fox jumps over the lazy dog", 10) == ["the quick", "brown fox", "jumps over", "the lazy", "dog"])
        #expect(wrap("the quick brown fox", 19) == ["the quick brown fox"])
        #expect(wrap("the quick brown fox", 18) == ["the quick brown", "fox"])
    }

    @Test func spacesCollapseAndDoNotStartOrEndLines() {
        #expect(wrap("  a    b  ", 10) == ["a b"])
        #expect(wrap("aaaa bbbb", 4) == ["aaaa", "bbbb"])
    }

    @Test func emptyTextIsOneEmptyLine() {
        #expect(wrap("", 10) == [""])
        #expect(TextWrap.wrap("", width: 10) == [[]])
    }

    @Test func aLongWordIsHardSplit() {
        #expect(wrap("abcdefghijklmnop", 5) == ["abcde", "fghij", "klmno", "p"])
    }

    @Test func aLongWordAfterShortOnesFillsTheLineFirst() {
        #expect(wrap("hi abcdefghijkl", 5) == ["hi ab", "cdefg", "hijkl"])
    }

    @Test func longHyphenatedWordsBreakAfterAHyphen() {
        #expect(wrap("a state-of-the-art design", 12) == ["a state-of-", "the-art", "design"])
        #expect(wrap("a state-of-the-art design", 40) == ["a state-of-the-art design"])
    }

    @Test func newlineForcesABreak() {
        #expect(wrap("one\ntwo three", 20) == ["one", "two three"])
        #expect(wrap("one\n\ntwo", 20) == ["one", "", "two"])
        #expect(wrap("\none", 20) == ["", "one"])
        #expect(wrap("one\n", 20) == ["one"])            // a final newline adds no empty line
    }

    /// "\r\n" is one Character in Swift. The main loop treats it as a break, but the word
    /// scanner only stops at "\n", so a CRLF right after a word is swallowed into the word.
    @Test func crlfForcesABreak() {
        #expect(wrap("one \r\ntwo", 20) == ["one", "two"])
        #expect(wrap("one\r\ntwo", 20) == ["one", "two"])
    }

    @Test func linesDoNotEndWithASpace() {
        #expect(wrap("ab cdefgh", 5) == ["ab cd", "efgh"])
        // The long-word path keeps the space before a word it splits, assuming the word's
        // first character is narrow; a wide one does not fit after it and the space is left dangling.
        #expect(wrap("x 。」", 3) == ["x", "。", "」"])
    }

    @Test func tabsAreSpaces() {
        #expect(wrap("a\tb", 10) == ["a b"])
    }

    @Test func cjkBreaksBetweenCharacters() {
        #expect(wrap("日本語のテキストです", 6) == ["日本語", "のテキ", "ストで", "す"])
        #expect(wrap("日本語のテキストです", 7) == ["日本語", "のテキ", "ストで", "す"])
        #expect(wrap("abc日本", 5) == ["abc日", "本"])
    }

    @Test func closingPunctuationStaysWithTheCharacterBefore() {
        #expect(wrap("日本語です。次の文", 10) == ["日本語で", "す。次の文"])
        #expect(wrap("「こんにちは」と言った。", 12) == ["「こんにち", "は」と言っ", "た。"])
        for line in wrap("これはテストです。これもテストです、そしてこれも。", 10) {
            #expect(!(line.first.map(Self.noLineStart.contains) ?? false), "\(line)")
        }
    }

    @Test func emojiAreTwoColumns() {
        #expect(wrap("ok 👍🏽👍🏽 done", 6) == ["ok 👍🏽", "👍🏽", "done"])
    }

    @Test func stylesAreKeptAndAdjacentRunsMerged() {
        let lines = TextWrap.wrap([Span("bold words ", style: .bold), Span("plain", style: .plain), Span("tail", style: .plain)], width: 12)
        #expect(lines == [[Span("bold words", style: .bold)], [Span("plaintail", style: .plain)]])
    }

    @Test func aSpaceBetweenStylesTakesTheFirstStyle() {
        let lines = TextWrap.wrap([Span("a ", style: .bold), Span("b", style: .dim)], width: 10)
        #expect(lines == [[Span("a ", style: .bold), Span("b", style: .dim)]])
    }

    // MARK: Property: random text never overflows and loses nothing

    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let pieces: [String] = [
        "a", "the", "word", "reading", "extraordinarily", "state-of-the-art", "re-read", "x",
        "日", "本", "語", "テキスト", "한국어", "中文字", "。", "、", "！", "」", "「", "…", ".", ",", "?", ")",
        "😀", "👩‍🔬", "🇯🇵", "👍🏽", "❤️", "1️⃣", "é", "e\u{301}", "—", "café", "ｱｲｳ", "\u{200B}",
        " ", " ", " ", "  ", "\t", "\n",
    ]

    static func randomText(_ rng: inout SplitMix64) -> String {
        let count = Int.random(in: 0...40, using: &rng)
        var text = ""
        for _ in 0..<count {
            text += pieces.randomElement(using: &rng)!
            if Int.random(in: 0..<3, using: &rng) == 0 { text += " " }
        }
        return text
    }

    static func visible(_ text: some Sequence<Character>) -> [Character] {
        text.filter { $0 != " " && $0 != "\t" && $0 != "\n" && $0 != "\r\n" }
    }

    @Test func randomTextNeverExceedsTheWidth() {
        var rng = SplitMix64(state: 0xF011_0000_2026)
        for sample in 0..<500 {
            let text = Self.randomText(&rng)
            let width = Int.random(in: 2...40, using: &rng)
            let lines = TextWrap.wrap(text, width: width)
            for line in lines {
                #expect(line.displayWidth <= width, "sample \(sample) width \(width): \(line.plainText.debugDescription) from \(text.debugDescription)")
                #expect(DisplayWidth.of(line.plainText) == line.displayWidth)
            }
            // Nothing but spaces and line breaks is dropped, and the order is kept.
            #expect(Self.visible(lines.map(\.plainText).joined()) == Self.visible(text),
                    "sample \(sample) width \(width): \(text.debugDescription)")
            // A forced break is always a line break (a final one adds no empty line).
            var trimmed = text
            while let last = trimmed.last, last.isWhitespace { trimmed.removeLast() }
            #expect(lines.count >= trimmed.filter { $0 == "\n" }.count + 1, "sample \(sample): \(text.debugDescription)")
            // No line starts with a space.
            for line in lines.map(\.plainText) {
                #expect(line.first != " ", "sample \(sample) width \(width): \(line.debugDescription)")
            }
        }
    }

    /// Words no longer than a line, each maybe followed by closing punctuation, joined by
    /// spaces (Latin) or nothing (CJK): punctuation never follows a space in the source.
    static func randomSentence(_ rng: inout SplitMix64) -> String {
        let latin = ["a", "the", "word", "reading", "café", "re-read", "x", "👍🏽"]
        let cjk = ["日", "本", "語", "テキスト", "中文字", "한국어", "😀"]
        let closing = ["。", "、", "！", "」", "…", ".", ",", "?", ")", "。」", "、"]
        var text = ""
        for _ in 0..<Int.random(in: 1...40, using: &rng) {
            let isLatin = Bool.random(using: &rng)
            if isLatin && !text.isEmpty { text += " " }
            text += (isLatin ? latin : cjk).randomElement(using: &rng)!
            if Int.random(in: 0..<3, using: &rng) == 0 { text += closing.randomElement(using: &rng)! }
        }
        return text
    }

    @Test func randomTextNeverStartsALineWithClosingPunctuation() {
        var rng = SplitMix64(state: 0x0DD_BA11)
        for sample in 0..<500 {
            let text = Self.randomSentence(&rng)
            let width = Int.random(in: 12...40, using: &rng)
            let lines = TextWrap.wrap(text, width: width).map(\.plainText)
            for (i, line) in lines.enumerated() {
                #expect(DisplayWidth.of(line) <= width)
                #expect(!(line.first.map(Self.noLineStart.contains) ?? false),
                        "sample \(sample) width \(width): line \(i) \(line.debugDescription) of \(text.debugDescription)")
            }
            #expect(Self.visible(lines.joined()) == Self.visible(text))
        }
    }

    // MARK: The byte-at-a-time path gives what reading Characters gives

    static let asciiPieces: [String] = [
        "a", "the", "Word", "reading", "extraordinarily", "state-of-the-art", "re-read", "x1", "(aside)",
        ".", ",", "?", ")", "]", "}", ";", ":", "!", "-", "--", "-x", "a-b-c-d-e-f", "#", "~",
        " ", " ", "  ", "\t", "\n", "\n\n",
    ]

    /// One span of printable ASCII takes a path of its own (ASCIITextWrap).
    @Test func aSpanOfPlainASCIIWrapsAsCharactersDo() {
        var rng = SplitMix64(state: 0xA5C1_1AB5)
        let styles: [Style] = [.plain, Style(attributes: .bold)]
        for sample in 0..<5_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...40, using: &rng) { text += Self.asciiPieces.randomElement(using: &rng)! }
            let span = Span(text, style: styles.randomElement(using: &rng)!)
            let width = Int.random(in: 0...30, using: &rng)
            let fast = try! #require(TextWrap.wrapASCII(span, width: width))
            #expect(fast == TextWrap.wrap([span], width: width, bytewise: false), "sample \(sample) width \(width): \(text.debugDescription)")
        }
        #expect(TextWrap.wrapASCII(Span("caf\u{E9}"), width: 10) == nil)
        #expect(TextWrap.wrapASCII(Span("a\r\nb"), width: 10) == nil)
        #expect(TextWrap.wrapASCII(Span(""), width: 10) == [[]])
    }

    @Test func readingBytesGivesWhatReadingCharactersGives() {
        var rng = SplitMix64(state: 0xB17E_5EED)
        let styles: [Style] = [.plain, Style(attributes: .bold), Style(attributes: .underline), .plain]
        for sample in 0..<5_000 {
            var spans: [Span] = []
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                var text = ""
                for _ in 0..<Int.random(in: 0...30, using: &rng) { text += Self.asciiPieces.randomElement(using: &rng)! }
                // Anything else, among the bytes: combining marks and CR LF join
                // the character before them, a prepended sign the one after it.
                for _ in 0..<Int.random(in: 0...2, using: &rng) {
                    let other = (Self.pieces + ["\u{301}", "\u{200D}", "\r", "\r\n", "\u{600}", "\u{1F1EF}", "—", "\u{1}"]).randomElement(using: &rng)!
                    let at = Int.random(in: 0...text.count, using: &rng)
                    text.insert(contentsOf: other, at: text.index(text.startIndex, offsetBy: at))
                }
                spans.append(Span(text, style: styles.randomElement(using: &rng)!))
            }
            let width = Int.random(in: 1...30, using: &rng)
            let bytes = TextWrap.wrap(spans, width: width, bytewise: true)
            let characters = TextWrap.wrap(spans, width: width, bytewise: false)
            #expect(bytes == characters, "sample \(sample) width \(width): \(spans)")
            #expect(bytes.map { $0.map(\.text.utf8.count) } == characters.map { $0.map(\.text.utf8.count) })
        }
    }
}
