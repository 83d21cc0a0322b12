/// One block of a plain-text page (a line, a hard-wrapped paragraph, or a
/// table) with the signals used to decide whether it is article text.
struct TextUnit {
    enum Kind: Equatable { case good, medium, short, chrome, end, table }

    let text: String
    /// Lower-cased and trimmed of decoration; only the first few hundred
    /// characters of a long unit (it is used for comparisons with short phrases).
    let normalized: String
    let words: Int
    let stopwordRatio: Double
    let endsSentence: Bool
    /// Sentence ends inside the text (". T"), plus the final one.
    let sentences: Int
    /// Letters are all capitals ("WORLD NEWS").
    let isAllCaps: Bool
    let hasLowercase: Bool
    /// Starts with a list bullet or number.
    let isListItem: Bool
    var kind: Kind
    /// Which blank-line separated block of the file the unit came from.
    var group: Int = 0
    /// Cells of a table unit.
    var rows: [[String]] = []

    private static let closers = Set("\"”’»)]' ".unicodeScalars), sentenceEnds = Set(".!?…:".unicodeScalars)

    /// Longer units are measured on a sample of this many bytes.
    static let sampleBytes = 4000

    init(_ text: String, group: Int = 0) {
        self.text = text
        self.group = group
        // Simple text (each Character one scalar, the usual case) is measured on scalars.
        func prefix(_ text: String, _ count: Int, simple: Bool) -> String {
            simple ? String(Substring(text.unicodeScalars.prefix(count))) : String(text.prefix(count))
        }
        let long = text.utf8.count > Self.sampleBytes
        let longIsSimple = long && SimpleCharacters.all(text)
        let sample = long ? prefix(text, Self.sampleBytes / 2, simple: longIsSimple) : text

        var stats = Stats()
        var sampleCopy = sample
        sampleCopy.withUTF8 { stats.scan($0) }
        let simple = long ? longIsSimple : stats.simple
        let normalized = TextSignals.normalized(sample.utf8.count > 400 ? prefix(sample, 200, simple: simple) : sample)
        self.normalized = normalized
        let sampleWords = stats.words.count
        let words = long ? max(sampleWords, sampleWords * (text.utf8.count / max(1, sample.utf8.count))) : sampleWords
        self.words = words
        let (letters, upper, lower, cjk, sentenceBreaks, tokens, stops) =
            (stats.letters, stats.upper, stats.lower, stats.cjk, stats.sentenceBreaks, stats.tokens, stats.stops)
        let stopwordRatio = tokens == 0 ? 0 : Double(stops) / Double(tokens)
        self.stopwordRatio = stopwordRatio
        let endsSentence: Bool
        if simple {
            // The last scalar that is not a closing quote, bracket or space; never an ideographic full stop.
            let last = text.unicodeScalars.suffix(text.utf8.count > 64 ? 16 : Int.max).last { !Self.closers.contains($0) }
            endsSentence = last.map(Self.sentenceEnds.contains) ?? false
            sentences = sentenceBreaks + (endsSentence ? 1 : 0)
        } else {
            let last = text.utf8.count > 64 ? text.suffix(16).last { !"\"”’»)]' ".contains($0) } : text.last { !"\"”’»)]' ".contains($0) }
            endsSentence = last.map { ".!?。！？…:".contains($0) } ?? false
            sentences = sentenceBreaks + (endsSentence && !(last.map { "。！？".contains($0) } ?? false) ? 1 : 0)
        }
        self.endsSentence = endsSentence
        isAllCaps = letters >= 2 && lower == 0 && upper > 0
        hasLowercase = lower > 0 || cjk > 0
        isListItem = PlainTextExtractor.listItem(text) != nil

        if TextSignals.isEndCue(normalized, words: words) {
            kind = .end
        } else if TextSignals.isChrome(normalized) || normalized.isEmpty || letters == 0 && words <= 3 {
            kind = .chrome
        } else if words <= 8, TextSignals.chromeIndex.matches(normalized) {
            kind = .chrome
        } else if stats.isLinkList || stats.mayMentionCookies
                    && TextSignals.isConsentNotice(SimpleCharacters.count(normalized) < 200 ? normalized : sample.quickLowercased(), words: words) {
            kind = .chrome
        } else if cjk >= 30 && endsSentence {
            kind = .good
        } else if words >= 15 && endsSentence && stopwordRatio >= 0.15 || words >= 35 && stopwordRatio >= 0.2 {
            kind = .good
        } else if words >= 7 && endsSentence && (stopwordRatio >= 0.1 || cjk >= 12) {
            kind = .medium
        } else {
            kind = .short
        }
    }

    /// Letter, case, word, sentence and stopword counts in one pass over UTF-8 bytes;
    /// ASCII is classified without Unicode property look-ups.
    struct Stats {
        var letters = 0, upper = 0, lower = 0, cjk = 0, sentenceBreaks = 0, tokens = 0, stops = 0
        /// Words as `WordCount` counts them.
        var words = WordCount.Counter()
        /// Scalars, and the separators of a menu flattened into one line ("|", "·", "•").
        var scalars = 0, separators = 0
        /// Every scalar is simple (see `SimpleCharacters`).
        var simple = true
        /// The text lower-cased may hold "cookie": it does in some ASCII case, or it has U+0130
        /// or U+212A, the only other scalars that lower-case to ASCII. False rules a notice out.
        var mayMentionCookies = false
        /// Letters of "cookie" matched so far, ignoring ASCII case.
        private var cookieMatched = 0
        /// Where the word being read started (a run of letters and apostrophes), or -1.
        private var tokenStart = -1
        private var tokenIsASCII = true

        mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) {
            var i = 0
            let n = bytes.count
            // The two scalars before the current one, for ". T" sentence breaks.
            var previous: UInt32 = 0x20, beforePrevious: UInt32 = 0x20
            while i < n {
                let (value, length) = bytes[i] < 0x80 ? (UInt32(bytes[i]), 1) : WordCount.decode(bytes, at: i)
                var isLetter = false, isUpper = false, isIdeographic = false
                if value < 0x80 {
                    if value >= 0x61 && value <= 0x7A { isLetter = true; lower += 1 }
                    else if value >= 0x41 && value <= 0x5A { isLetter = true; isUpper = true; upper += 1 }
                } else if !WordCount.isGeneralPunctuation(value), let scalar = Unicode.Scalar(value) {
                    if WordCount.isIdeographic(scalar) { isLetter = true; isIdeographic = true; cjk += 1 }
                    else if scalar.properties.isAlphabetic {
                        isLetter = true
                        if scalar.properties.isUppercase { isUpper = true; upper += 1 } else if scalar.properties.isLowercase { lower += 1 }
                    }
                }
                if isLetter { letters += 1 }
                if value < 0x80 { words.add(ascii: UInt8(value)) } else { words.add(value, ideographic: isIdeographic, alphabetic: isLetter && !isIdeographic) }
                scalars += 1
                if value == 0x7C || value == 0xB7 || value == 0x2022 { separators += 1 }
                if simple && !SimpleCharacters.isSimple(value) { simple = false }
                if !mayMentionCookies { readCookie(value) }
                if isLetter || value == 0x27 || value == 0x2019 {
                    if tokens < 400 {
                        if tokenStart < 0 { tokenStart = i }
                        if value >= 0x80 { tokenIsASCII = false }
                    }
                } else {
                    endToken(bytes, at: i)
                }
                let opensSentence = isUpper || value == 0x22 || value == 0x201C || value == 0x201E || value == 0xAB || value == 0x2018
                if opensSentence, previous == 0x20, beforePrevious == 0x2E || beforePrevious == 0x21 || beforePrevious == 0x3F || beforePrevious == 0x2026 {
                    sentenceBreaks += 1
                }
                if value == 0x3002 || value == 0xFF01 || value == 0xFF1F { sentenceBreaks += 1 }
                beforePrevious = previous
                previous = value
                i += length
            }
            endToken(bytes, at: n)
        }

        /// Menus flattened into one line: "Home | World | Business | Tech".
        var isLinkList: Bool { separators >= 2 && scalars / (separators + 1) < 20 }

        private static let cookie = Array("cookie".utf8)

        /// Follows "cookie" in any ASCII case; U+0130 and U+212A lower-case to ASCII, so they may make one.
        private mutating func readCookie(_ value: UInt32) {
            if value == 0x130 || value == 0x212A { mayMentionCookies = true; return }
            let b = value < 0x80 ? UInt8(value) | (value >= 0x41 && value <= 0x5A ? 0x20 : 0) : 0
            if b == Self.cookie[cookieMatched] {
                cookieMatched += 1
                if cookieMatched == Self.cookie.count { mayMentionCookies = true }
            } else {
                cookieMatched = b == Self.cookie[0] ? 1 : 0
            }
        }

        private mutating func endToken(_ bytes: UnsafeBufferPointer<UInt8>, at end: Int) {
            guard tokenStart >= 0 else { return }
            tokens += 1
            let word = UnsafeBufferPointer(rebasing: bytes[tokenStart..<end])
            if tokenIsASCII ? TextSignals.isStopword(ascii: word)
                            : TextSignals.stopwords.contains(String(decoding: word, as: UTF8.self).quickLowercased()) { stops += 1 }
            tokenStart = -1
            tokenIsASCII = true
        }
    }

    /// A table built from tab- or pipe-separated lines.
    init(table rows: [[String]], group: Int) {
        let text = rows.map { $0.joined(separator: " ") }.joined(separator: "\n")
        self.init(text, group: group)
        self.rows = rows
        kind = .table
    }

    /// A short line of prose: "It took four minutes."
    var isShortProse: Bool {
        kind == .short && endsSentence && hasLowercase && words >= 2 && stopwordRatio > 0
    }

    /// How much this unit adds to a candidate body.
    var score: Double {
        switch kind {
        case .good: return Double(min(words, 150))
        case .medium: return Double(words) * 0.5
        case .short: return isShortProse ? -1 : -3
        case .chrome: return -6
        case .table: return 0
        case .end: return -.infinity
        }
    }
}
