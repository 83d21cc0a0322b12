extension TextUnit {
    /// Letter, case, word, sentence and stopword counts in one pass over UTF-8 bytes;
    /// ASCII is classified without Unicode property look-ups, and a run of lower-case
    /// ASCII letters (most of any English text) is taken in one step.
    struct Stats {
        var letters = 0, upper = 0, lower = 0, cjk = 0, sentenceBreaks = 0, tokens = 0, stops = 0
        /// Words as `WordCount` counts them.
        var words = WordCount.Counter()
        /// Scalars, and the separators of a menu flattened into one line ("|", "·", "•").
        var scalars = 0, separators = 0
        /// Every scalar is simple (see `SimpleCharacters`).
        var simple = true
        /// `mayMentionCookies` of what was scanned; only looked for when `scan` is asked to.
        var mayMentionCookies = false
        /// Every byte scanned is ASCII.
        var ascii = true

        /// Reads one buffer (a unit's text or its sample), and looks for "cookie" when `cookies`
        /// (a separate pass, which `TextUnit.Measure` makes only for units short enough to be a notice).
        /// The counts are kept in locals while reading and stored once at the end. A run of lower-case
        /// letters followed by a space (most words of most text) is read with its space in one step.
        mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, cookies: Bool = true) {
            let n = bytes.count
            guard n > 0, let base = bytes.baseAddress else { return }
            var letters = self.letters, upper = self.upper, lower = self.lower, cjk = self.cjk
            var sentenceBreaks = self.sentenceBreaks, tokens = self.tokens, stops = self.stops
            var scalars = self.scalars, separators = self.separators
            var simple = self.simple, ascii = self.ascii
            var words = self.words
            let table = TextSignals.stopwordTable
            // Where the word being read started (a run of letters and apostrophes), or -1.
            // While it is -1, `tokenIsASCII` is true.
            var tokenStart = -1
            var tokenIsASCII = true
            var i = 0
            // The two scalars before the current one, for ". T" sentence breaks.
            var previous: UInt32 = 0x20, beforePrevious: UInt32 = 0x20
            while i < n {
                let b = bytes[i]
                if b &- 0x61 < 26 {
                    // Lower-case ASCII letters: each is a letter in a word and in a token, and none opens a sentence.
                    var j = Self.endOfLowercase(base, from: i + 1, count: n)
                    while j < n && bytes[j] &- 0x61 < 26 { j += 1 }
                    let run = j - i
                    lower += run
                    letters += run
                    scalars += run
                    // Any lower-case letter counts as "a" does.
                    words.add(ascii: 0x61)
                    if j < n && bytes[j] == 0x20 {
                        // The run and the space after it, as the space's own step below would take it.
                        words.add(ascii: 0x20)
                        scalars += 1
                        if tokenStart >= 0 {
                            tokens += 1
                            if Self.isStopword(bytes, tokenStart, j, ascii: tokenIsASCII, in: table) { stops += 1 }
                            tokenStart = -1
                            tokenIsASCII = true
                        } else if tokens < 400 {
                            // The token is the run: lower-case ASCII letters.
                            tokens += 1
                            if table.contains(letters: bytes, i, j) { stops += 1 }
                        }
                        beforePrevious = UInt32(bytes[j - 1])
                        previous = 0x20
                        i = j + 1
                        continue
                    }
                    if tokens < 400 && tokenStart < 0 { tokenStart = i }
                    beforePrevious = run >= 2 ? UInt32(bytes[j - 2]) : previous
                    previous = UInt32(bytes[j - 1])
                    i = j
                    continue
                }
                if b == 0x20 {
                    // A space (what most often follows a run of letters): it ends a word and a token.
                    words.add(ascii: 0x20)
                    scalars += 1
                    if tokenStart >= 0 {
                        tokens += 1
                        if Self.isStopword(bytes, tokenStart, i, ascii: tokenIsASCII, in: table) { stops += 1 }
                        tokenStart = -1
                        tokenIsASCII = true
                    }
                    beforePrevious = previous
                    previous = 0x20
                    i += 1
                    continue
                }
                if b < 0x80 {
                    // Other ASCII: a capital, digit or punctuation.
                    let value = UInt32(b)
                    words.add(ascii: b)
                    scalars += 1
                    if b &- 0x41 < 26 {
                        upper += 1
                        letters += 1
                        if tokens < 400 && tokenStart < 0 { tokenStart = i }
                        if previous == 0x20, Self.endsSentence(beforePrevious) { sentenceBreaks += 1 }
                    } else if b == 0x27 {
                        if tokens < 400 && tokenStart < 0 { tokenStart = i }
                    } else {
                        if tokenStart >= 0 {
                            tokens += 1
                            if Self.isStopword(bytes, tokenStart, i, ascii: tokenIsASCII, in: table) { stops += 1 }
                            tokenStart = -1
                            tokenIsASCII = true
                        }
                        if b == 0x7C { separators += 1 } else if b == 0x0A || b == 0x0D { simple = false }
                        if b == 0x22, previous == 0x20, Self.endsSentence(beforePrevious) { sentenceBreaks += 1 }
                    }
                    beforePrevious = previous
                    previous = value
                    i += 1
                    continue
                }
                let (value, length) = WordCount.decode(bytes, at: i)
                ascii = false
                var isLetter = false, isUpper = false, isIdeographic = false
                if !WordCount.isGeneralPunctuation(value), let scalar = Unicode.Scalar(value) {
                    if WordCount.isIdeographic(scalar) { isLetter = true; isIdeographic = true; cjk += 1 }
                    else if scalar.properties.isAlphabetic {
                        isLetter = true
                        if scalar.properties.isUppercase { isUpper = true; upper += 1 } else if scalar.properties.isLowercase { lower += 1 }
                    }
                }
                words.add(value, ideographic: isIdeographic, alphabetic: isLetter && !isIdeographic)
                if value == 0xB7 || value == 0x2022 { separators += 1 }
                if simple && !SimpleCharacters.isSimple(value) { simple = false }
                if isLetter { letters += 1 }
                scalars += 1
                if isLetter || value == 0x2019 {
                    if tokens < 400 {
                        if tokenStart < 0 { tokenStart = i }
                        tokenIsASCII = false
                    }
                } else if tokenStart >= 0 {
                    tokens += 1
                    if Self.isStopword(bytes, tokenStart, i, ascii: tokenIsASCII, in: table) { stops += 1 }
                    tokenStart = -1
                    tokenIsASCII = true
                }
                let opensSentence = isUpper || value == 0x22 || value == 0x201C || value == 0x201E || value == 0xAB || value == 0x2018
                if opensSentence, previous == 0x20, Self.endsSentence(beforePrevious) { sentenceBreaks += 1 }
                if value == 0x3002 || value == 0xFF01 || value == 0xFF1F { sentenceBreaks += 1 }
                beforePrevious = previous
                previous = value
                i += length
            }
            if tokenStart >= 0 {
                tokens += 1
                if Self.isStopword(bytes, tokenStart, n, ascii: tokenIsASCII, in: table) { stops += 1 }
            }
            self.letters = letters; self.upper = upper; self.lower = lower; self.cjk = cjk
            self.sentenceBreaks = sentenceBreaks; self.tokens = tokens; self.stops = stops
            self.scalars = scalars; self.separators = separators
            self.simple = simple
            self.ascii = ascii
            self.words = words
            if cookies && !mayMentionCookies { mayMentionCookies = Self.mayMentionCookies(bytes) }
        }

        /// . ! ? or …: a scalar two before a capital or an opening quote that makes a sentence break.
        @inline(__always)
        private static func endsSentence(_ v: UInt32) -> Bool { v == 0x2E || v == 0x21 || v == 0x3F || v == 0x2026 }

        /// Whether the token at `start..<end` is a stopword: an ASCII one (letters and apostrophes only)
        /// looked up in `table` from its bytes, any other lower-cased as a String.
        @inline(__always)
        private static func isStopword(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, ascii: Bool,
                                       in table: StopwordTable) -> Bool {
            ascii ? table.contains(letters: bytes, start, end)
                  : TextSignals.stopwords.contains(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                        .quickLowercased())
        }

        /// The end of the run of lower-case ASCII letters at `from`, found eight bytes at a time
        /// while eight bytes can be read; the bytes after that are left to the caller (the result
        /// is then where they start, or the first byte of another kind).
        @inline(__always)
        static func endOfLowercase(_ base: UnsafePointer<UInt8>, from: Int, count n: Int) -> Int {
            var j = from
            while j + 8 <= n {
                let word = UnsafeRawPointer(base + j).loadUnaligned(as: UInt64.self)
                let lowered = asciiLowercaseBytes(word)
                if lowered == 0x8080_8080_8080_8080 { j += 8; continue }
                return j + (~lowered & 0x8080_8080_8080_8080).trailingZeroBitCount >> 3
            }
            return j
        }

        /// The high bit of each byte of `word` that is "a"..."z", exact up to the first byte that is not
        /// (a carry may spoil the bytes above that one, never the ones below it or itself).
        @inline(__always)
        static func asciiLowercaseBytes(_ word: UInt64) -> UInt64 {
            // A byte plus 0x1F reaches 0x80 from "a" on; plus 0x05 it does from "{" on.
            (word &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(word &+ 0x0505_0505_0505_0505) & ~word & 0x8080_8080_8080_8080
        }

        /// Menus flattened into one line: "Home | World | Business | Tech".
        var isLinkList: Bool { separators >= 2 && scalars / (separators + 1) < 20 }

        /// Whether the text lower-cased may hold "cookie": it does in some ASCII case (`| 0x20`
        /// lower-cases a letter and maps nothing else onto one; bytes of other scalars are never
        /// ASCII), or it has U+0130 or U+212A, the only other scalars that lower-case to ASCII.
        /// False rules a consent notice out. Looked for from its "k" (rarer in text than "c"), eight
        /// bytes at a time past those with neither a "k" in either case nor a byte past ASCII.
        static func mayMentionCookies(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            let n = bytes.count
            guard let base = bytes.baseAddress else { return false }
            var i = 0
            while i < n {
                if i + 8 <= n {
                    let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                    let k = (word | 0x2020_2020_2020_2020) ^ 0x6B6B_6B6B_6B6B_6B6B
                    let hasK = (k &- 0x0101_0101_0101_0101) & ~k & 0x8080_8080_8080_8080
                    if hasK | (word & 0x8080_8080_8080_8080) == 0 { i += 8; continue }
                }
                // These eight bytes (or the last few) one at a time.
                let stop = min(i + 8, n)
                while i < stop {
                    let b = bytes[i]
                    if b | 0x20 == 0x6B {
                        if i >= 3, i + 2 < n, bytes[i - 3] | 0x20 == 0x63, bytes[i - 2] | 0x20 == 0x6F, bytes[i - 1] | 0x20 == 0x6F,
                           bytes[i + 1] | 0x20 == 0x69, bytes[i + 2] | 0x20 == 0x65 {
                            return true
                        }
                    } else if b >= 0xC4 {
                        if b == 0xC4, i + 1 < n, bytes[i + 1] == 0xB0 { return true }  // U+0130
                        if b == 0xE2, i + 2 < n, bytes[i + 1] == 0x84, bytes[i + 2] == 0xAA { return true }  // U+212A
                    }
                    i += 1
                }
            }
            return false
        }
    }
}
