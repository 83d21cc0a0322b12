/// Lines of text split at "\n", "\r\n" or "\r", found on the UTF-8 bytes of
/// contiguous storage (a plain loop, not the UTF-8 view's index arithmetic) and
/// handed out as Substrings of the text they came from.
struct LineBreaks<Text: StringProtocol> where Text.SubSequence == Substring {
    let text: Text
    /// Byte offsets of each line's start and end, and where the line after it starts.
    private(set) var spans: [(start: Int, end: Int, next: Int)] = []
    /// Where scanning stopped: the offset of the next line's start.
    private var scanned = 0
    private let count: Int

    init(_ text: Text) {
        self.text = text
        count = text.utf8.count
    }

    /// True when every line has been found.
    var done: Bool { scanned >= count }

    /// Finds lines until there are `lines` of them or the text ends. A last line
    /// without a line end counts only when it is not empty.
    mutating func scan(upTo lines: Int) {
        guard spans.count < lines, scanned < count else { return }
        let found: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in scan(bytes, upTo: lines) }
        if found == nil { Array(text.utf8).withUnsafeBufferPointer { scan($0, upTo: lines) } }
    }

    private mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, upTo lines: Int) {
        var start = scanned
        var i = start
        let n = bytes.count
        while i < n, spans.count < lines {
            if i + 8 <= n, !Self.hasLineEnd(UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)) {
                i += 8  // eight bytes with no "\n" or "\r": passed over at once
                continue
            }
            let b = bytes[i]
            if b != 0x0A && b != 0x0D { i += 1; continue }
            var next = i + 1
            if b == 0x0D, next < n, bytes[next] == 0x0A { next += 1 }
            spans.append((start, i, next))
            start = next
            i = next
        }
        if i >= n, start < n, spans.count < lines {
            spans.append((start, n, n))
            start = n
        }
        scanned = i >= n ? n : start
    }

    /// Whether any byte of `word` is "\n" or "\r" (a byte is zero after the XOR
    /// exactly when it was that byte; the test for a zero byte has no misses).
    @inline(__always) static func hasLineEnd(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let lf = word ^ (ones &* 0x0A), cr = word ^ (ones &* 0x0D)
        return ((lf &- ones) & ~lf & highs) | ((cr &- ones) & ~cr & highs) != 0
    }

    /// The text index `offset` bytes in.
    func index(_ offset: Int) -> String.Index {
        text.utf8.index(text.utf8.startIndex, offsetBy: offset)
    }

    /// Line `k` (already scanned) without its line end.
    func line(_ k: Int) -> Substring {
        let span = spans[k]
        return text[index(span.start)..<index(span.end)]
    }

    /// Every line, scanning all of the text; a line end at the very end gives an empty last line.
    static func all(_ text: Text) -> [Substring] {
        var breaks = LineBreaks(text)
        breaks.scan(upTo: Int.max)
        var result = breaks.spans.indices.map { breaks.line($0) }
        if let last = breaks.spans.last, last.next == last.end { return result }  // ended without a line end
        result.append(text[breaks.index(breaks.count)...])
        return result
    }
}
