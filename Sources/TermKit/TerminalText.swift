/// The one sanitizer for everything that reaches a terminal.
///
/// Removes escape sequences (7-bit and 8-bit C1 forms) as a whole, C0/C1 controls, DEL, bidi
/// controls and invisible format characters; caps combining-mark runs at 4; turns tabs into
/// spaces and line/paragraph separators into newlines. Only the output of `sanitize` may be
/// handed to a terminal.
public enum TerminalText {
    /// Most combining marks kept in a row (defuses "Zalgo" text).
    static let maxCombiningMarks = 4
    /// Longest body of an unterminated OSC/DCS/APC/PM/SOS string that is dropped.
    static let maxUnterminatedString = 512

    /// Text safe to hand to a terminal. `keepNewlines`: keep "\n" (otherwise newlines become a space).
    /// Tabs are expanded to spaces up to the next multiple of `tabWidth` columns (column counted
    /// from the last newline of the output, with display width); a `tabWidth` below 1 makes a tab one space.
    public static func sanitize(_ text: String, keepNewlines: Bool = false, tabWidth: Int = 8) -> String {
        if isClean(text, keepNewlines: keepNewlines) { return text }
        var cleaner = Cleaner(scalars: Array(text.unicodeScalars),
                              output: Writer(keepNewlines: keepNewlines, tabWidth: tabWidth))
        return cleaner.run()
    }

    /// Decodes bytes as UTF-8 (invalid sequences, overlong forms, encoded surrogates -> U+FFFD) then sanitizes.
    public static func sanitize(bytes: some Collection<UInt8>, keepNewlines: Bool = false) -> String {
        // The standard decoder replaces each maximal invalid subpart with U+FFFD.
        sanitize(String(decoding: bytes, as: UTF8.self), keepNewlines: keepNewlines)
    }

    /// True when `sanitize` (with default options) would return the text unchanged (fast path check).
    public static func isClean(_ text: String) -> Bool {
        isClean(text, keepNewlines: false)
    }

    /// True when `sanitize(text, keepNewlines: keepNewlines)` would return the text unchanged.
    public static func isClean(_ text: String, keepNewlines: Bool) -> Bool {
        // Printable ASCII (plus "\n" when kept) is the common case: check bytes only.
        let asciiVerdict: Bool? = text.utf8.withContiguousStorageIfAvailable { bytes in
            for byte in bytes where byte < 0x20 || byte >= 0x7F {
                if byte == 0x0A && keepNewlines { continue }
                if byte >= 0x80 { return nil as Bool? }      // non-ASCII: needs the scalar check
                return false
            }
            return true
        } ?? nil
        if let asciiVerdict { return asciiVerdict }

        var iterator = text.unicodeScalars.makeIterator()
        var previous: Unicode.Scalar?
        var current = iterator.next()
        var marks = 0
        while let scalar = current {
            let next = iterator.next()
            let value = scalar.value
            if value < 0x20 {
                if value != 0x0A || !keepNewlines { return false }
                marks = 0
            } else if value >= 0x7F {
                if isRemoved(value) || value == 0x2028 || value == 0x2029 { return false }
                if isJoiner(value) {
                    guard let previous, canPrecedeJoiner(previous),
                          let next, canFollowJoiner(next) else { return false }
                    marks = 0
                } else if isCombiningMark(scalar) {
                    marks += 1
                    if marks > maxCombiningMarks { return false }
                } else {
                    marks = 0
                }
            } else {
                marks = 0
            }
            previous = scalar
            current = next
        }
        return true
    }

    // MARK: - Classification

    /// Scalars dropped wherever they appear (escape introducers are handled before this check).
    static func isRemoved(_ value: UInt32) -> Bool {
        switch value {
        case 0x00...0x1F where value != 0x0A && value != 0x09,
             0x7F...0x9F,                       // DEL, C1 controls
             0xAD, 0x061C, 0x180E,              // soft hyphen, Arabic letter mark, Mongolian vowel separator
             0x200B, 0x200E, 0x200F,            // zero-width space, LRM, RLM
             0x202A...0x202E,                   // bidi embeddings and overrides
             0x2060...0x2064,                   // word joiner, invisible operators
             0x2066...0x2069,                   // bidi isolates
             0xFEFF,                            // zero-width no-break space / BOM
             0xE0000...0xE007F:                 // tag characters
            return true
        default:
            return false
        }
    }

    /// ZWNJ and ZWJ: kept only between two visible characters.
    static func isJoiner(_ value: UInt32) -> Bool { value == 0x200C || value == 0x200D }

    static func canPrecedeJoiner(_ scalar: Unicode.Scalar) -> Bool {
        !isJoiner(scalar.value) && !scalar.properties.isWhitespace
    }

    /// A joiner before a mark could be used to split a run of marks, so marks don't qualify.
    static func canFollowJoiner(_ scalar: Unicode.Scalar) -> Bool {
        canPrecedeJoiner(scalar) && !isCombiningMark(scalar)
    }

    static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.value >= 0x300 else { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}

/// Walks the scalars, skipping escape sequences and control strings; everything else goes to the writer.
private struct Cleaner {
    let scalars: [Unicode.Scalar]
    var output: Writer
    /// A range of scalar offsets known to hold no string terminator up to its end (a line end).
    private var knownUnterminated: ClosedRange<Int>?

    init(scalars: [Unicode.Scalar], output: Writer) {
        self.scalars = scalars
        self.output = output
    }

    mutating func run() -> String {
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar.value {
            case 0x1B:
                index = skipEscape(at: index)
            case 0x9B:                                          // 8-bit CSI
                index = skipCSI(from: index + 1)
            case 0x90, 0x98, 0x9D, 0x9E, 0x9F:                  // 8-bit DCS, SOS, OSC, PM, APC
                index = skipString(from: index + 1)
            case 0x0A, 0x2028, 0x2029:
                output.newline()
                index += 1
            case 0x09:
                output.tab()
                index += 1
            default:
                if !TerminalText.isRemoved(scalar.value) { output.append(scalar) }
                index += 1
            }
        }
        return output.finish()
    }

    private func value(at index: Int) -> UInt32? {
        index < scalars.count ? scalars[index].value : nil
    }

    /// Index after the escape sequence starting with ESC at `index`.
    private mutating func skipEscape(at index: Int) -> Int {
        guard let next = value(at: index + 1) else { return index + 1 }   // lone ESC at end
        switch next {
        case 0x5B:                                      // ESC [  CSI
            return skipCSI(from: index + 2)
        case 0x5D, 0x50, 0x5F, 0x5E, 0x58:              // ESC ] OSC, P DCS, _ APC, ^ PM, X SOS
            return skipString(from: index + 2)
        case 0x20...0x2F:                               // intermediates then a final, e.g. ESC ( B
            var end = index + 1
            while let v = value(at: end), (0x20...0x2F).contains(v) { end += 1 }
            if let v = value(at: end), (0x30...0x7E).contains(v) { end += 1 }
            return end
        case 0x30...0x7E:                               // two-character escape, e.g. ESC c, ESC 7
            return index + 2
        default:                                        // ESC before anything else: drop the ESC only
            return index + 1
        }
    }

    /// Index after a CSI whose parameters start at `start`: parameter and intermediate
    /// bytes, then a final byte. An interrupted sequence ends where the interruption starts.
    private func skipCSI(from start: Int) -> Int {
        var end = start
        while let v = value(at: end), (0x20...0x3F).contains(v) { end += 1 }
        if let v = value(at: end), (0x40...0x7E).contains(v) { end += 1 }
        return end
    }

    /// Index after a control string whose body starts at `start`. It ends with BEL, ST (ESC \ or
    /// U+009C), or before any other ESC. Without a terminator before the line end, the body
    /// stops at the line end or after `maxUnterminatedString` scalars, whichever comes first.
    private mutating func skipString(from start: Int) -> Int {
        let lineEnd: Int
        if let known = knownUnterminated, known.contains(start) {
            lineEnd = known.upperBound
        } else {
            var index = start
            scan: while let v = value(at: index) {
                switch v {
                case 0x07, 0x9C: return index + 1
                case 0x1B: return value(at: index + 1) == 0x5C ? index + 2 : index
                case 0x0A, 0x2028, 0x2029: break scan
                default: index += 1
                }
            }
            lineEnd = index
            knownUnterminated = start...lineEnd
        }
        return min(lineEnd, start + TerminalText.maxUnterminatedString)
    }
}

/// Builds the output: newlines, tab stops, joiner placement and the combining-mark cap.
private struct Writer {
    let keepNewlines: Bool
    let tabWidth: Int
    private var done = ""
    /// Text since the last tab stop or newline, measured when the next tab arrives.
    private var segment = ""
    private var segmentColumn = 0
    private var last: Unicode.Scalar?
    private var pendingJoiner: Unicode.Scalar?
    private var markRun = 0

    init(keepNewlines: Bool, tabWidth: Int) {
        self.keepNewlines = keepNewlines
        self.tabWidth = tabWidth
    }

    mutating func append(_ scalar: Unicode.Scalar) {
        if TerminalText.isJoiner(scalar.value) {
            // Held back until the next scalar shows whether it sits between two visible characters.
            pendingJoiner = last.map(TerminalText.canPrecedeJoiner) == true ? scalar : nil
            return
        }
        if let joiner = pendingJoiner {
            pendingJoiner = nil
            if TerminalText.canFollowJoiner(scalar) {
                emit(joiner)
                markRun = 0
            }
        }
        if TerminalText.isCombiningMark(scalar) {
            guard markRun < TerminalText.maxCombiningMarks else { return }
            markRun += 1
        } else {
            markRun = 0
        }
        emit(scalar)
    }

    mutating func newline() {
        guard keepNewlines else { return append(" ") }
        flushSegment()
        done.append("\n")
        segmentColumn = 0
        resetContext(last: "\n")
    }

    mutating func tab() {
        let column = segmentColumn + DisplayWidth.of(segment)
        flushSegment()
        let spaces = tabWidth > 0 ? tabWidth - column % tabWidth : 1
        done.append(String(repeating: " ", count: spaces))
        segmentColumn = column + spaces
        resetContext(last: " ")
    }

    mutating func finish() -> String {
        flushSegment()
        return done
    }

    private mutating func emit(_ scalar: Unicode.Scalar) {
        segment.unicodeScalars.append(scalar)
        last = scalar
    }

    private mutating func flushSegment() {
        done.append(segment)
        segment = ""
    }

    private mutating func resetContext(last: Unicode.Scalar) {
        self.last = last
        pendingJoiner = nil
        markRun = 0
    }
}
