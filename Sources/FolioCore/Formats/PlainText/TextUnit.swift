/// One block of a plain-text page (a line, a hard-wrapped paragraph, or a
/// table) with the signals used to decide whether it is article text.
struct TextUnit {
    enum Kind: Equatable { case good, medium, short, chrome, end, table }

    let text: String
    /// Lower-cased and trimmed of decoration; only the first few hundred
    /// characters of a long unit (it is used for comparisons with short phrases).
    /// Made when asked for (a few header lines are) from `normalizedRange` when set.
    var normalized: String {
        guard let range = normalizedRange else { return normalizedString }
        var copy = text
        return copy.withUTF8 { FoldedLine(bytes: UnsafeBufferPointer(rebasing: $0[range])).string() }
    }
    /// `HeaderParts.isMetaLine(normalized, words: words)`, on the normalized line's bytes when it has them.
    var isMetaLine: Bool {
        guard words <= 8 else { return false }
        guard let range = normalizedRange else { return HeaderParts.isMetaLine(normalizedString, words: words) }
        var copy = text
        return copy.withUTF8 { HeaderParts.isMetaLine(FoldedLine(bytes: UnsafeBufferPointer(rebasing: $0[range])), words: words) }
    }

    /// `HeaderParts.isReadingTime(normalized)`: the normalized line is made only when its bytes
    /// end or start with a phrase of one.
    var isReadingTime: Bool {
        guard let range = normalizedRange else { return HeaderParts.isReadingTime(normalizedString) }
        var copy = text
        guard copy.withUTF8({ HeaderParts.mayBeReadingTime(FoldedLine(bytes: UnsafeBufferPointer(rebasing: $0[range]))) }) else {
            return false
        }
        return HeaderParts.isReadingTime(normalized)
    }

    /// The bytes of `text` that `normalized` is, ASCII capitals lower-cased (see `FoldedLine`);
    /// nil when `normalized` is `normalizedString`.
    private let normalizedRange: Range<Int>?
    private let normalizedString: String
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

    /// Longer units are measured on a sample of this many bytes.
    static let sampleBytes = 4000

    init(_ text: String, group: Int = 0) {
        self.text = text
        self.group = group
        let m = Measure(text)
        normalizedRange = m.normalizedRange
        normalizedString = m.normalizedRange == nil ? m.normalized : ""
        let stats = m.stats
        let words = m.words
        self.words = words
        let (letters, upper, lower, cjk, tokens, stops) = (stats.letters, stats.upper, stats.lower, stats.cjk, stats.tokens, stats.stops)
        let stopwordRatio = tokens == 0 ? 0 : Double(stops) / Double(tokens)
        self.stopwordRatio = stopwordRatio
        let endsSentence = m.endsSentence
        self.endsSentence = endsSentence
        sentences = m.sentences
        isAllCaps = letters >= 2 && lower == 0 && upper > 0
        hasLowercase = lower > 0 || cjk > 0
        isListItem = m.isListItem

        let phrase: Kind?
        if let range = m.normalizedRange {
            // The phrase checks on the text's own bytes (see `FoldedLine`).
            var copy = text
            phrase = copy.withUTF8 { Self.phraseKind(FoldedLine(bytes: UnsafeBufferPointer(rebasing: $0[range])), words: words, letters: letters) }
        } else {
            let normalized = m.normalized
            phrase = Self.phraseKind(normalized, simple: m.normalizedIsSimple, words: words, letters: letters)
        }
        if let phrase {
            kind = phrase
        } else if stats.isLinkList || m.mayMentionCookies
                    && TextSignals.isConsentNotice(m.noticeLine(of: text), words: words) {
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

    /// `.end` for an end cue, `.chrome` for a chrome phrase, an empty line or one without letters
    /// of three words or fewer: what the normalized line says of the unit's kind, else nil.
    static func phraseKind(_ normalized: String, simple: Bool, words: Int, letters: Int) -> Kind? {
        if TextSignals.isEndCue(normalized, words: words, simple: simple) { return .end }
        if TextSignals.isChrome(normalized, simple: simple) || normalized.isEmpty || letters == 0 && words <= 3 { return .chrome }
        if words <= 8, TextSignals.chromeIndex.matches(normalized, simple: simple) { return .chrome }
        return nil
    }

    /// `phraseKind` of a simple normalized line given as its bytes.
    static func phraseKind(_ line: FoldedLine, words: Int, letters: Int) -> Kind? {
        if TextSignals.isEndCue(line, words: words) { return .end }
        if TextSignals.isChrome(line) || line.count == 0 || letters == 0 && words <= 3 { return .chrome }
        if words <= 8, TextSignals.chromeIndex.matches(line) { return .chrome }
        return nil
    }

    /// The measures of a unit's text that its kind is decided from. Simple text (each
    /// Character one scalar, the usual case) is measured on its UTF-8 bytes; other text
    /// by Characters where Characters matter.
    struct Measure {
        var stats = Stats()
        /// The normalized line: the bytes at `normalizedRange` of the text, ASCII capitals lower-cased,
        /// when that is set; else a String of its own.
        var normalized: String {
            guard let range = normalizedRange else { return normalizedString }
            var copy = text
            return copy.withUTF8 { FoldedLine(bytes: UnsafeBufferPointer(rebasing: $0[range])).string() }
        }
        /// Set for simple normalized lines that `TextSignals.normalizedASCII` or `normalizedFast` make.
        var normalizedRange: Range<Int>?
        private var normalizedString = ""
        private let text: String
        /// `normalized` is simple (see `SimpleCharacters`), so phrases can be compared with it byte for byte.
        var normalizedIsSimple = false
        var words = 0
        var endsSentence = false
        var sentences = 0
        var isListItem = false
        /// `Stats.mayMentionCookies` of the sample, looked for only when `words` allows a consent
        /// notice (`TextSignals.isConsentNotice` rules out the others whatever the text): else false.
        var mayMentionCookies = false
        /// The sample's length in bytes when it is the text's start; nil when it is a String of its own.
        private var sampleEnd: Int?
        private var sampleString: String?

        init(_ text: String) {
            self.text = text
            var copy = text
            copy.withUTF8 { measure(text, $0) }
        }

        /// The line `TextSignals.isConsentNotice` reads: the normalized line when shorter than 200
        /// Characters, else the sample lower-cased.
        func noticeLine(of text: String) -> String {
            let normalized = self.normalized
            return SimpleCharacters.count(normalized) < 200 ? normalized : sample(of: text).quickLowercased()
        }

        /// The sample the text is measured on: all of it, or its first `sampleBytes / 2` scalars or Characters.
        func sample(of text: String) -> String {
            if let sampleString { return sampleString }
            let end = sampleEnd ?? 0
            if end == text.utf8.count { return text }
            var copy = text
            return copy.withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[..<end]), as: UTF8.self) }
        }

        private mutating func measure(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) {
            let count = bytes.count
            let long = count > TextUnit.sampleBytes
            let longIsSimple = long && SimpleCharacters.all(bytes)
            if long && !longIsSimple {
                var sample = String(text.prefix(TextUnit.sampleBytes / 2))
                sample.withUTF8 { stats.scan($0, cookies: false) }
                sampleString = sample
                normalizedString = TextSignals.normalized(sample.utf8.count > 400 ? String(sample.prefix(200)) : sample)
                normalizedIsSimple = SimpleCharacters.all(normalizedString)
                measureEnding(text, bytes, simple: false)
                words = Self.estimate(stats.words.count, sample.utf8.count, count)
                if Self.mayBeNotice(words) { mayMentionCookies = sample.withUTF8(Stats.mayMentionCookies) }
                isListItem = PlainTextExtractor.listItem(text) != nil
                return
            }
            let end = long ? ScalarBytes.end(ofFirst: TextUnit.sampleBytes / 2, in: bytes) : count
            sampleEnd = end
            let sample = UnsafeBufferPointer(rebasing: bytes[..<end])
            stats.scan(sample, cookies: false)
            let simple = long || stats.simple
            if end > 400 && !simple {
                normalizedString = TextSignals.normalized(String(text.prefix(200)))
                normalizedIsSimple = SimpleCharacters.all(normalizedString)
            } else {
                // In ASCII the first 200 scalars are the first 200 bytes.
                let head = end > 400 ? UnsafeBufferPointer(rebasing: sample[..<(stats.ascii ? 200 : ScalarBytes.end(ofFirst: 200, in: sample))])
                                     : sample
                // `head` starts where the text does, so its offsets are the text's.
                if stats.ascii && stats.simple {
                    // ASCII without line breaks (the sample's scan saw to that): `normalizedFast` without its scan.
                    normalizedRange = TextSignals.normalizedASCIIRange(head)
                    normalizedIsSimple = true
                } else if let (range, isSimple) = TextSignals.normalizedFastRange(head) {
                    if isSimple {
                        normalizedRange = range
                    } else {
                        normalizedString = FoldedLine(bytes: UnsafeBufferPointer(rebasing: head[range])).string()
                    }
                    normalizedIsSimple = isSimple
                } else {
                    normalizedString = TextSignals.normalized(String(decoding: head, as: UTF8.self))
                    normalizedIsSimple = SimpleCharacters.all(normalizedString)
                }
            }
            measureEnding(text, bytes, simple: simple)
            words = long ? Self.estimate(stats.words.count, end, count) : stats.words.count
            if Self.mayBeNotice(words) { mayMentionCookies = Stats.mayMentionCookies(sample) }
            isListItem = simple ? PlainTextExtractor.isListItem(simple: bytes) : PlainTextExtractor.listItem(text) != nil
        }

        /// The word counts `TextSignals.isConsentNotice` does not rule out.
        static func mayBeNotice(_ words: Int) -> Bool { words >= 4 && words <= 70 }

        /// A long unit's words, from its sample's.
        private static func estimate(_ sampleWords: Int, _ sampleBytes: Int, _ bytes: Int) -> Int {
            max(sampleWords, sampleWords * (bytes / max(1, sampleBytes)))
        }

        /// Whether the text ends a sentence, and its sentences with the final one.
        private mutating func measureEnding(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>, simple: Bool) {
            if simple {
                // The last scalar that is not a closing quote, bracket or space; never an ideographic full stop.
                let last = ScalarBytes.last(in: bytes, within: bytes.count > 64 ? 16 : Int.max) { !TextUnit.isCloser($0) }
                endsSentence = last.map(TextUnit.isSentenceEnd) ?? false
                sentences = stats.sentenceBreaks + (endsSentence ? 1 : 0)
            } else {
                let last = text.utf8.count > 64 ? text.suffix(16).last { !"\"”’»)]' ".contains($0) } : text.last { !"\"”’»)]' ".contains($0) }
                endsSentence = last.map { ".!?。！？…:".contains($0) } ?? false
                sentences = stats.sentenceBreaks + (endsSentence && !(last.map { "。！？".contains($0) } ?? false) ? 1 : 0)
            }
        }
    }

    /// A closing quote, bracket or space: \" ” ’ » ) ] ' and space.
    static func isCloser(_ v: UInt32) -> Bool {
        v == 0x22 || v == 0x201D || v == 0x2019 || v == 0xBB || v == 0x29 || v == 0x5D || v == 0x27 || v == 0x20
    }

    /// . ! ? … :
    static func isSentenceEnd(_ v: UInt32) -> Bool {
        v == 0x2E || v == 0x21 || v == 0x3F || v == 0x2026 || v == 0x3A
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
