/// The text of an inline run as the parser gathers it from a paragraph's bytes. While
/// it is one stretch of those bytes (a plain paragraph is) only the stretch's bounds are
/// kept, and its String is made straight from the paragraph: the bytes are copied only
/// when something not next to the stretch is added (an escaped character after text,
/// a line break from `<br>`). The text is always `copied` followed by `source[lo..<hi]`.
struct InlineTextBuffer {
    private var copied: [UInt8] = []
    /// A stretch of the paragraph's bytes not yet copied; none when `lo == hi`.
    private var lo = 0, hi = 0

    var isEmpty: Bool { copied.isEmpty && lo == hi }

    /// Adds `source[from..<to]`.
    mutating func append(_ from: Int, _ to: Int, _ source: [UInt8]) {
        guard from < to else { return }
        if lo == hi { lo = from; hi = to; return }
        if from == hi { hi = to; return }
        copied.append(contentsOf: source[lo..<hi])
        lo = from
        hi = to
    }

    /// Adds text that is not from the paragraph.
    mutating func append(_ text: String, _ source: [UInt8]) {
        if lo < hi { copied.append(contentsOf: source[lo..<hi]) }
        lo = 0
        hi = 0
        copied.append(contentsOf: text.utf8)
    }

    /// The text gathered, as a String (repaired like `String(decoding:as:)` of its bytes).
    func string(_ source: [UInt8]) -> String {
        if copied.isEmpty { return source[lo..<hi].withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) } }
        return String(decoding: copied + source[lo..<hi], as: UTF8.self)
    }

    mutating func removeAll() {
        copied.removeAll(keepingCapacity: true)
        lo = 0
        hi = 0
    }
}
