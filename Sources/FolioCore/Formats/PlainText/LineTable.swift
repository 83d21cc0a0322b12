/// The lines of a plain-text file as ranges of its UTF-8 bytes, with what one
/// pass over them tells: each line's `TextLines.length`, whether it is blank,
/// whether it may be a table row (it holds a tab or "|"), and whether
/// `collapseWhitespace` could change it. Strings are made only for the lines
/// that are read, and each once.
struct LineTable {
    /// One line: where its bytes are, its `TextLines.length`, and its flags.
    private struct Line {
        var start: Int
        var end: Int
        var length: Int
        var flag: UInt8
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    /// The String `bytes` belong to, when given: lines are then cut from it as Substrings,
    /// which copies them without checking their UTF-8 again.
    private let text: String?
    private var lines: [Line] = []

    /// `TextLines.length` of each line.
    var lengths: [Int] { lines.map(\.length) }

    /// Only spaces, tabs, form feeds and vertical tabs (or nothing): blank.
    private static let blankBytes: UInt8 = 1
    /// A byte of printable ASCII other than a space: not blank.
    private static let printable: UInt8 = 2
    private static let tabOrPipe: UInt8 = 4
    /// White space other than single spaces between other bytes: `collapseWhitespace` may change
    /// the line. Without it, the line is taken as it is.
    private static let mayCollapse: UInt8 = 8
    /// Every byte is ASCII: no continuation byte (in valid UTF-8 each scalar past ASCII has one).
    private static let asciiBytes: UInt8 = 16

    /// Splits at "\n", "\r\n" or "\r", as `TextLines.lines` does.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.init(bytes, text: nil)
    }

    /// The lines of `text`, whose UTF-8 is `bytes` (as `withUTF8` gives it).
    init(_ bytes: UnsafeBufferPointer<UInt8>, of text: String) {
        self.init(bytes, text: text)
    }

    private init(_ bytes: UnsafeBufferPointer<UInt8>, text: String?) {
        self.bytes = bytes
        self.text = text
        let n = bytes.count
        var start = 0
        var i = 0
        var flag: UInt8 = 0
        var continuation = 0
        /// Ends the line at `i`, whose byte `b` is "\n" or "\r", and starts the next after it.
        func endLine(_ b: UInt8) {
            add(start, i, flag, continuation)
            i += (b == 0x0D && i + 1 < n && bytes[i + 1] == 0x0A) ? 2 : 1
            start = i
            flag = 0
            continuation = 0
        }
        while i < n {
            // Eight bytes at a time while they are all printable ASCII or spaces, other than "|"
            // and DEL: such bytes only ever set `printable`, and `mayCollapse` for a space that
            // starts the line or follows another.
            if i + 8 <= n, let base = bytes.baseAddress {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if let spaces = Self.plainSpaces(word) {
                    if spaces != Self.highBits { flag |= Self.printable }
                    // A space after a space within the word, or a first space at the line's start or after one.
                    if spaces & (spaces << 8) != 0 || spaces & 0x80 != 0 && (i == start || bytes[i - 1] == 0x20) {
                        flag |= Self.mayCollapse
                    }
                    i += 8
                    continue
                }
                // Not all plain: these eight bytes one at a time.
                let stop = i + 8
                while i < stop {
                    let b = bytes[i]
                    if b == 0x0A || b == 0x0D {
                        endLine(b)
                        break
                    }
                    Self.read(b, at: i, start: start, in: bytes, flag: &flag, continuation: &continuation)
                    i += 1
                }
                continue
            }
            let b = bytes[i]
            if b == 0x0A || b == 0x0D {
                endLine(b)
                continue
            }
            Self.read(b, at: i, start: start, in: bytes, flag: &flag, continuation: &continuation)
            i += 1
        }
        if start < n { add(start, n, flag, continuation) }
    }

    private static let highBits: UInt64 = 0x8080_8080_8080_8080
    private static let lowBits: UInt64 = 0x0101_0101_0101_0101

    /// For eight bytes that are each a space or printable ASCII other than "|" (no control,
    /// DEL or byte past ASCII): the high bit of each byte that is a space. Nil for other bytes.
    @inline(__always)
    static func plainSpaces(_ word: UInt64) -> UInt64? {
        // A byte below 0x20 (none has its high bit set here, so the borrow trick is exact about whether any does).
        let control = (word &- 0x2020_2020_2020_2020) & ~word & highBits
        let pipe = word ^ 0x7C7C_7C7C_7C7C_7C7C, del = word ^ 0x7F7F_7F7F_7F7F_7F7F
        let hasPipe = (pipe &- lowBits) & ~pipe & highBits
        let hasDel = (del &- lowBits) & ~del & highBits
        guard (word & highBits) | control | hasPipe | hasDel == 0 else { return nil }
        // Exact per byte: the high bit of a byte that is 0x20.
        let space = word ^ 0x2020_2020_2020_2020
        let nonzero = ((space & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | space
        return ~nonzero & highBits
    }

    /// One byte other than a line break, as the flags have it.
    @inline(__always)
    private static func read(_ b: UInt8, at i: Int, start: Int, in bytes: UnsafeBufferPointer<UInt8>, flag: inout UInt8,
                             continuation: inout Int) {
        if b > 0x20 && b < 0x7F {
            flag |= b == 0x7C ? printable | tabOrPipe : printable
        } else if b == 0x20 {
            // At the start, or after another space (a trailing one is seen in `add`).
            if i == start || bytes[i - 1] == 0x20 { flag |= mayCollapse }
        } else if b == 0x09 {
            flag |= tabOrPipe | mayCollapse
        } else if b & 0xC0 == 0x80 {
            continuation += 1
        } else if b < 0x20 || b >= 0xC2 && TextCleanup.whitespaceLength(bytes, at: i) > 0 {
            flag |= mayCollapse
        }
    }

    private mutating func add(_ start: Int, _ end: Int, _ flag: UInt8, _ continuation: Int) {
        let count = end - start
        var flag = flag
        if count > 0, bytes[end - 1] == 0x20 { flag |= Self.mayCollapse }
        if continuation == 0 { flag |= Self.asciiBytes }
        if flag & Self.printable == 0,
           UnsafeBufferPointer(rebasing: bytes[start..<end]).allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0C || $0 == 0x0B }) {
            flag |= Self.blankBytes
        }
        lines.append(Line(start: start, end: end, length: count > 2000 ? count : count - continuation, flag: flag))
    }

    var count: Int { lines.count }

    private func line(_ i: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[lines[i].start..<lines[i].end]) }

    /// `TextLines.length` of line `i`.
    func length(_ i: Int) -> Int { lines[i].length }

    /// The line as a String. An ASCII line is made from its bytes (checking ASCII is one quick
    /// pass; cutting a Substring and copying it costs more); others are cut from `text`.
    subscript(i: Int) -> String {
        guard let text, lines[i].flag & Self.asciiBytes == 0 else { return String(decoding: line(i), as: UTF8.self) }
        // Line ends are "\n" or "\r", so both offsets are on scalar boundaries.
        let utf8 = text.utf8
        let from = utf8.index(utf8.startIndex, offsetBy: lines[i].start)
        return String(text[from..<utf8.index(from, offsetBy: lines[i].end - lines[i].start)])
    }

    /// `TextLines.isBlank`: decided from the bytes unless the line has only white space,
    /// controls and scalars past ASCII (then by Characters).
    func isBlank(_ i: Int) -> Bool {
        let flag = lines[i].flag
        if flag & Self.blankBytes != 0 { return true }
        if flag & Self.printable != 0 { return false }
        return TextLines.isBlank(self[i])
    }

    /// False when `TextLines.cells` is nil for the line: it has neither a tab nor "|".
    func mayHoldCells(_ i: Int) -> Bool { lines[i].flag & Self.tabOrPipe != 0 }

    /// `TextCleanup.collapseWhitespace` of the line: the line as it is when it has no white space
    /// but single spaces between other bytes (`TextCleanup.needsCollapse` is then false).
    func collapsed(_ i: Int) -> String {
        guard lines[i].flag & Self.mayCollapse != 0 else { return self[i] }
        let bytes = line(i)
        return TextCleanup.needsCollapse(bytes) ? TextCleanup.collapseWhitespace(utf8: bytes) : self[i]
    }

    /// Whether `collapsed` reads the line through `TextCleanup.collapseWhitespace` (for the tests).
    func mayCollapse(_ i: Int) -> Bool { lines[i].flag & Self.mayCollapse != 0 }
}
