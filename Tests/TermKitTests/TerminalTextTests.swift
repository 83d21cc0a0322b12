import Testing
@testable import TermKit

/// Hostile inputs for `TerminalText`, each with the exact expected output.
struct TerminalTextTests {
    private let esc = "\u{1B}"
    private let bel = "\u{07}"

    // MARK: Escape sequences

    @Test func osc52ClipboardWriteIsRemoved() {
        #expect(TerminalText.sanitize("a\(esc)]52;c;ZXZpbCBjb21tYW5k\(bel)b") == "ab")
    }

    @Test func osc52WithLongPayloadTerminatedByStIsRemovedWhole() {
        let payload = String(repeating: "QUJD", count: 300)    // 1200 characters, no newline
        #expect(TerminalText.sanitize("x\(esc)]52;c;\(payload)\(esc)\\y") == "xy")
    }

    @Test func titleSetFollowedByTitleReportRequestIsRemoved() {
        #expect(TerminalText.sanitize("\(esc)]0;pwned\(bel)\(esc)[21tHello") == "Hello")
    }

    @Test func osc8HyperlinkWithUnterminatedUriEndsAtNewline() {
        let input = "\(esc)]8;;https://evil.example/steal?x=1\nNext line"
        #expect(TerminalText.sanitize(input, keepNewlines: true) == "\nNext line")
        #expect(TerminalText.sanitize(input) == " Next line")
    }

    @Test func osc8HyperlinkWellFormedKeepsLinkText() {
        let input = "\(esc)]8;;https://evil.example\(esc)\\click\(esc)]8;;\(esc)\\ here"
        #expect(TerminalText.sanitize(input) == "click here")
    }

    @Test func unterminatedOscStopsAfter512Characters() {
        let input = "\(esc)]0;" + String(repeating: "A", count: 600)
        // "0;" plus 510 "A"s make the 512 dropped body characters.
        #expect(TerminalText.sanitize(input) == String(repeating: "A", count: 90))
    }

    @Test func unterminatedOscAtEndDropsTheRest() {
        #expect(TerminalText.sanitize("title\(esc)]2;never ends") == "title")
    }

    @Test func clearScreenIsRemoved() {
        #expect(TerminalText.sanitize("before\(esc)[2Jafter") == "beforeafter")
    }

    @Test func alternateScreenSwitchIsRemoved() {
        #expect(TerminalText.sanitize("\(esc)[?1049hhidden\(esc)[?1049l") == "hidden")
    }

    @Test func sgrColorsAreRemoved() {
        #expect(TerminalText.sanitize("\(esc)[1;31mred\(esc)[0m") == "red")
    }

    @Test func dcsQueryIsRemoved() {
        #expect(TerminalText.sanitize("a\(esc)P$qm\(esc)\\b") == "ab")
    }

    @Test func apcPmAndSosStringsAreRemoved() {
        #expect(TerminalText.sanitize("1\(esc)_Gf=100;AAAA\(esc)\\2\(esc)^private\(esc)\\3\(esc)Xstart\(bel)4") == "1234")
    }

    @Test func shortEscapesAreRemoved() {
        // ESC c (reset), ESC 7 / ESC 8 (save/restore cursor), ESC ( 0 (line drawing charset), ESC # 8.
        #expect(TerminalText.sanitize("\(esc)ca\(esc)7b\(esc)8c\(esc)(0d\(esc)(Be\(esc)#8f") == "abcdef")
    }

    @Test func loneEscapeAtEndIsRemoved() {
        #expect(TerminalText.sanitize("end\(esc)") == "end")
    }

    @Test func escapeBeforeNonAsciiDropsOnlyTheEscape() {
        #expect(TerminalText.sanitize("\(esc)é\(esc)\(esc)[mx") == "éx")
    }

    @Test func eightBitCsiWithParametersIsRemoved() {
        #expect(TerminalText.sanitize("a\u{9B}31;1mb\u{9B}2J") == "ab")
    }

    @Test func eightBitOscIsRemoved() {
        #expect(TerminalText.sanitize("a\u{9D}0;title\u{9C}b\u{90}q\u{07}c") == "abc")
    }

    @Test func utf8EncodedC1CsiBytesAreRemoved() {
        let bytes: [UInt8] = [0x61, 0xC2, 0x9B, 0x33, 0x31, 0x6D, 0x62]   // "a" U+009B "31m" "b"
        #expect(TerminalText.sanitize(bytes: bytes) == "ab")
    }

    @Test func rawC1ByteIsNotValidUtf8() {
        // A bare 0x9B byte is invalid UTF-8: it becomes U+FFFD, so the rest is harmless text.
        #expect(TerminalText.sanitize(bytes: [0x9B, 0x32, 0x4A]) == "\u{FFFD}2J")
    }

    // MARK: Controls

    @Test func carriageReturnCannotOverwrite() {
        #expect(TerminalText.sanitize("evil\rgood") == "evilgood")
    }

    @Test func backspaceOverstrikeIsRemoved() {
        #expect(TerminalText.sanitize("safe\u{08}\u{08}\u{08}\u{08}rm -rf") == "saferm -rf")
    }

    @Test func nulAndDelAreRemoved() {
        #expect(TerminalText.sanitize("a\u{00}b\u{7F}c\u{85}d") == "abcd")
    }

    @Test func otherC0ControlsAreRemoved() {
        #expect(TerminalText.sanitize("\u{07}bell\u{0B}\u{0C}\u{0E}\u{1A}\u{1F}") == "bell")
    }

    @Test func crlfBecomesNewline() {
        #expect(TerminalText.sanitize("one\r\ntwo\r\n", keepNewlines: true) == "one\ntwo\n")
        #expect(TerminalText.sanitize("one\r\ntwo") == "one two")
    }

    @Test func keepNewlinesFalseVersusTrue() {
        #expect(TerminalText.sanitize("a\nb\u{2028}c\u{2029}d") == "a b c d")
        #expect(TerminalText.sanitize("a\nb\u{2028}c\u{2029}d", keepNewlines: true) == "a\nb\nc\nd")
    }

    // MARK: Tabs

    @Test func tabExpandsToNextStop() {
        #expect(TerminalText.sanitize("a\tb") == "a" + String(repeating: " ", count: 7) + "b")
        #expect(TerminalText.sanitize("abcdefgh\tb") == "abcdefgh" + String(repeating: " ", count: 8) + "b")
    }

    @Test func tabAfterWideCharacterCountsTwoColumns() {
        #expect(TerminalText.sanitize("日\tx") == "日" + String(repeating: " ", count: 6) + "x")
        #expect(TerminalText.sanitize("日本\tx", tabWidth: 4) == "日本" + String(repeating: " ", count: 4) + "x")
    }

    @Test func tabColumnRestartsAfterNewline() {
        #expect(TerminalText.sanitize("abc\nd\te", keepNewlines: true, tabWidth: 4) == "abc\nd   e")
        #expect(TerminalText.sanitize("a\tb\tc", tabWidth: 4) == "a   b   c")
    }

    @Test func tabWidthBelowOneGivesOneSpace() {
        #expect(TerminalText.sanitize("a\tb", tabWidth: 0) == "a b")
    }

    // MARK: Invisible and bidi characters

    @Test func rightToLeftOverrideInTitleIsRemoved() {
        #expect(TerminalText.sanitize("invoice\u{202E}fdp.exe") == "invoicefdp.exe")
    }

    @Test func allBidiControlsAreRemoved() {
        let input = "a\u{202A}\u{202B}\u{202C}\u{202D}\u{2066}\u{2067}\u{2068}\u{2069}\u{061C}\u{200E}\u{200F}b"
        #expect(TerminalText.sanitize(input) == "ab")
    }

    @Test func tagCharactersAreRemoved() {
        let hidden = "ignore previous".unicodeScalars.map { String(Unicode.Scalar($0.value + 0xE0000)!) }.joined()
        #expect(TerminalText.sanitize("visible\(hidden)\u{E007F}") == "visible")
    }

    @Test func softHyphenIsRemoved() {
        #expect(TerminalText.sanitize("pass\u{AD}word") == "password")
    }

    @Test func zeroWidthSpaceAndFriendsAreRemoved() {
        #expect(TerminalText.sanitize("pay\u{200B}pal\u{2060}\u{FEFF}.com\u{180E}\u{2063}") == "paypal.com")
    }

    @Test func joinersAreKeptOnlyBetweenVisibleCharacters() {
        let family = "👩\u{200D}👩\u{200D}👧"
        #expect(TerminalText.sanitize(family) == family)
        #expect(TerminalText.isClean(family))
        #expect(TerminalText.sanitize("\u{200D}a \u{200C}b\u{200D}") == "a b")
        #expect(TerminalText.sanitize("x\u{200D}\u{200D}y") == "x\u{200D}y")
    }

    @Test func zalgoIsCappedAtFourMarks() {
        let marks = (0..<30).map { String(Unicode.Scalar(0x300 + UInt32($0))!) }.joined()
        #expect(TerminalText.sanitize("Z\(marks)a") == "Z\u{300}\u{301}\u{302}\u{303}a")
    }

    @Test func zalgoCannotSplitTheRunWithJoinersOrControls() {
        let four = "\u{300}\u{301}\u{302}\u{303}"
        #expect(TerminalText.sanitize("o\(four)\u{200D}\(four)\u{07}\(four)!") == "o\(four)!")
    }

    @Test func replacementCharacterStays() {
        #expect(TerminalText.sanitize("bad \u{FFFD} byte") == "bad \u{FFFD} byte")
        #expect(TerminalText.isClean("\u{FFFD}"))
    }

    // MARK: Byte decoding

    @Test func invalidUtf8BytesBecomeReplacementCharacters() {
        #expect(TerminalText.sanitize(bytes: [0x61, 0xFF, 0x62]) == "a\u{FFFD}b")
        #expect(TerminalText.sanitize(bytes: [0x61, 0xE6, 0x97]) == "a\u{FFFD}")    // truncated sequence
    }

    @Test func overlongSlashIsRejected() {
        #expect(TerminalText.sanitize(bytes: [0xC0, 0xAF]) == "\u{FFFD}\u{FFFD}")
    }

    @Test func encodedSurrogateIsRejected() {
        #expect(TerminalText.sanitize(bytes: [0xED, 0xA0, 0x80]) == "\u{FFFD}\u{FFFD}\u{FFFD}")
    }

    @Test func encodedEscapeSequenceInBytesIsRemoved() {
        #expect(TerminalText.sanitize(bytes: Array("a\u{1B}[2Jb\nc".utf8), keepNewlines: true) == "ab\nc")
    }

    // MARK: Clean text

    @Test(arguments: [
        "Plain ASCII text, with punctuation: (1 + 2) * 3 = 9!",
        "日本語のテキスト、中文，한국어",
        "Emoji 😀 👩‍🔬 🇯🇵 ☺️ 1️⃣ 👍🏽",
        "Café naïve — “quotes” … ｱｲｳ \u{A0}\u{3000}",
        "",
    ])
    func cleanTextPassesUnchanged(_ text: String) {
        #expect(TerminalText.isClean(text))
        #expect(TerminalText.sanitize(text) == text)
    }

    @Test func isCleanDetectsEachKindOfProblem() {
        for dirty in ["a\tb", "a\nb", "a\rb", "\u{1B}", "\u{9B}", "\u{7F}", "\u{202E}", "\u{AD}", "\u{200B}",
                      "\u{2028}", "\u{E0041}", "a\u{200D}", "e\u{301}\u{301}\u{301}\u{301}\u{301}"] {
            #expect(!TerminalText.isClean(dirty), "\(dirty.unicodeScalars.map { $0.value })")
        }
        #expect(TerminalText.isClean("a\nb", keepNewlines: true))
        #expect(TerminalText.isClean("e\u{301}\u{301}\u{301}\u{301}"))
    }

    // MARK: Property test

    @Test func randomBytesNeverProduceTerminalControls() {
        var generator = SplitMix64(seed: 0x5EED_F011_0000_0001)
        // Bytes that build escape sequences, C1 forms and UTF-8 lead/continuation bytes come up often.
        let interesting: [UInt8] = [0x1B, 0x5B, 0x5D, 0x50, 0x5C, 0x07, 0x0D, 0x0A, 0x09, 0x08, 0x00, 0x7F,
                                    0xC2, 0x9B, 0x9D, 0x9C, 0x90, 0xE2, 0x80, 0xAE, 0x8B, 0xF3, 0xA0, 0xCC]
        for _ in 0..<2_000 {
            let length = Int.random(in: 0...64, using: &generator)
            let bytes: [UInt8] = (0..<length).map { _ in
                Bool.random(using: &generator)
                    ? interesting.randomElement(using: &generator)!
                    : UInt8.random(in: 0...255, using: &generator)
            }
            let keepNewlines = Bool.random(using: &generator)
            let output = TerminalText.sanitize(bytes: bytes, keepNewlines: keepNewlines)
            for scalar in output.unicodeScalars {
                let value = scalar.value
                #expect(value >= 0x20 || (value == 0x0A && keepNewlines), "\(bytes)")
                #expect(!(0x7F...0x9F).contains(value), "\(bytes)")
                #expect(!(0x202A...0x202E).contains(value), "\(bytes)")
            }
            #expect(TerminalText.sanitize(output, keepNewlines: keepNewlines) == output, "\(bytes)")
            #expect(TerminalText.isClean(output, keepNewlines: keepNewlines), "\(bytes)")
        }
    }
}

/// Small deterministic generator so failures reproduce.
private struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
