/// The lines of a plain-text file as ranges of its UTF-8 bytes, with what one
/// pass over them tells: each line's `TextLines.length`, whether it is blank,
/// whether it may be a table row (it holds a tab or "|"), and whether
/// `collapseWhitespace` could change it. Strings are made only for the lines
/// that are read, and each once.
struct LineTable {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var starts: [Int] = [], ends: [Int] = []
    private var flags: [UInt8] = []
    /// `TextLines.length` of each line.
    private(set) var lengths: [Int] = []

    /// Only spaces, tabs, form feeds and vertical tabs (or nothing): blank.
    private static let blankBytes: UInt8 = 1
    /// A byte of printable ASCII other than a space: not blank.
    private static let printable: UInt8 = 2
    private static let tabOrPipe: UInt8 = 4
    /// White space other than single spaces between other bytes: `collapseWhitespace` may change
    /// the line. Without it, the line is taken as it is.
    private static let mayCollapse: UInt8 = 8

    /// Splits at "\n", "\r\n" or "\r", as `TextLines.lines` does.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        let n = bytes.count
        var start = 0
        var i = 0
        var flag: UInt8 = 0
        var continuation = 0
        while i < n {
            let b = bytes[i]
            if b > 0x20 && b < 0x7F {
                flag |= b == 0x7C ? Self.printable | Self.tabOrPipe : Self.printable
                i += 1
                continue
            }
            if b == 0x20 {
                // At the start, or after another space (a trailing one is seen in `add`).
                if i == start || bytes[i - 1] == 0x20 { flag |= Self.mayCollapse }
                i += 1
                continue
            }
            if b == 0x0A || b == 0x0D {
                add(start, i, flag, continuation)
                i += (b == 0x0D && i + 1 < n && bytes[i + 1] == 0x0A) ? 2 : 1
                start = i
                flag = 0
                continuation = 0
                continue
            }
            if b == 0x09 {
                flag |= Self.tabOrPipe | Self.mayCollapse
            } else if b & 0xC0 == 0x80 {
                continuation += 1
            } else if b < 0x20 || b >= 0xC2 && TextCleanup.whitespaceLength(bytes, at: i) > 0 {
                flag |= Self.mayCollapse
            }
            i += 1
        }
        if start < n { add(start, n, flag, continuation) }
    }

    private mutating func add(_ start: Int, _ end: Int, _ flag: UInt8, _ continuation: Int) {
        let count = end - start
        var flag = flag
        if count > 0, bytes[end - 1] == 0x20 { flag |= Self.mayCollapse }
        if flag & Self.printable == 0,
           UnsafeBufferPointer(rebasing: bytes[start..<end]).allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0C || $0 == 0x0B }) {
            flag |= Self.blankBytes
        }
        starts.append(start)
        ends.append(end)
        flags.append(flag)
        lengths.append(count > 2000 ? count : count - continuation)
    }

    var count: Int { starts.count }

    private func line(_ i: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[starts[i]..<ends[i]]) }

    /// The line as a String.
    subscript(i: Int) -> String { String(decoding: line(i), as: UTF8.self) }

    /// `TextLines.isBlank`: decided from the bytes unless the line has only white space,
    /// controls and scalars past ASCII (then by Characters).
    func isBlank(_ i: Int) -> Bool {
        if flags[i] & Self.blankBytes != 0 { return true }
        if flags[i] & Self.printable != 0 { return false }
        return TextLines.isBlank(self[i])
    }

    /// False when `TextLines.cells` is nil for the line: it has neither a tab nor "|".
    func mayHoldCells(_ i: Int) -> Bool { flags[i] & Self.tabOrPipe != 0 }

    /// `TextCleanup.collapseWhitespace` of the line: the line as it is when it has no white space
    /// but single spaces between other bytes (`TextCleanup.needsCollapse` is then false).
    func collapsed(_ i: Int) -> String {
        flags[i] & Self.mayCollapse == 0 ? self[i] : TextCleanup.collapseWhitespace(utf8: line(i))
    }

    /// Whether `collapsed` reads the line through `TextCleanup.collapseWhitespace` (for the tests).
    func mayCollapse(_ i: Int) -> Bool { flags[i] & Self.mayCollapse != 0 }
}
