/// Whether any of a fixed list of lower-case ASCII phrases occurs in ASCII text in any
/// letter case, looked for by skipping (Wu and Manber's method with blocks of two bytes):
/// the two bytes that end a window as long as the shortest phrase say how far the window
/// can move before a phrase could end in it. Most windows of ordinary text hold no two
/// bytes of any phrase near their end, so most bytes are never read. Where a phrase could
/// start, the phrases that start with the window's first two bytes are compared whole.
struct SkippingPhraseSearch {
    private let phrases: [[UInt8]]
    /// The shortest phrase's length: the window.
    private let window: Int
    /// For each pair of bytes (folded), how far the window may move when they end it.
    private let shift: [UInt8]
    /// For each byte value, a bit for each phrase whose first (second) byte it is.
    private let firstByte: [UInt64], secondByte: [UInt64]

    init(_ phrases: [String]) {
        precondition(!phrases.isEmpty && phrases.count <= 64)
        let bytes = phrases.map { Array($0.utf8) }
        precondition(bytes.allSatisfy { $0.count >= 2 && $0.allSatisfy { $0 < 0x80 && Self.fold($0) == $0 } })
        self.phrases = bytes
        let m = bytes.map(\.count).min()!
        window = m
        // No pair of the phrases' starts ends the window: it moves past all but its last byte.
        var shift = [UInt8](repeating: UInt8(min(m - 1, 255)), count: 1 << 16)
        for phrase in bytes {
            for end in 1..<m {
                let pair = Int(phrase[end - 1]) << 8 | Int(phrase[end])
                shift[pair] = min(shift[pair], UInt8(min(m - 1 - end, 255)))
            }
        }
        // The table is read with folded bytes only, so capitals' pairs are never looked up.
        self.shift = shift
        var first = [UInt64](repeating: 0, count: 256), second = first
        for (index, phrase) in bytes.enumerated() {
            first[Int(phrase[0])] |= 1 << index
            second[Int(phrase[1])] |= 1 << index
        }
        firstByte = first
        secondByte = second
    }

    /// An ASCII byte lower-cased.
    @inline(__always)
    static func fold(_ b: UInt8) -> UInt8 { b &- 0x41 < 26 ? b | 0x20 : b }

    /// True when a phrase occurs in `bytes` in any letter case (`PhraseIndex.anyPresent(inASCIIIgnoringCase:)`).
    func anyPresent(inASCIIIgnoringCase bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        let m = window
        guard n >= m, let base = bytes.baseAddress else { return false }
        return shift.withUnsafeBufferPointer { shift in
            var end = m - 1
            while end < n {
                let pair = Int(Self.fold(base[end - 1])) << 8 | Int(Self.fold(base[end]))
                let step = Int(shift[pair])
                if step > 0 {
                    end += step
                    continue
                }
                // A phrase may start where the window does.
                let start = end - m + 1
                var candidates = firstByte[Int(Self.fold(base[start]))] & secondByte[Int(Self.fold(base[start + 1]))]
                while candidates != 0 {
                    let index = candidates.trailingZeroBitCount
                    candidates &= candidates - 1
                    let phrase = phrases[index]
                    guard phrase.count <= n - start else { continue }
                    var k = 2
                    while k < phrase.count && Self.fold(base[start + k]) == phrase[k] { k += 1 }
                    if k == phrase.count { return true }
                }
                end += 1
            }
            return false
        }
    }
}
