/// A set of short ASCII words (up to eight bytes), each packed into an
/// integer in an open-addressed table: a look-up is a multiply and a compare
/// or two, with no String made and no hashing of one.
struct PackedWordSet {
    private var slots: [UInt64]
    private let shift: UInt64
    /// Bytes in the longest word the set holds.
    let longest: Int

    /// The words of `words` that are ASCII and eight bytes or shorter.
    init(_ words: some Sequence<String>) {
        let short = words.filter { $0.utf8.count <= 8 && !$0.isEmpty && $0.utf8.allSatisfy { $0 > 0 && $0 < 0x80 } }
        longest = short.map(\.utf8.count).max() ?? 0
        var bits = 4
        while 1 << bits < short.count * 4 { bits += 1 }
        slots = Array(repeating: 0, count: 1 << bits)
        shift = UInt64(64 - bits)
        for word in short {
            let packed = Self.pack(word.utf8)
            var i = slot(packed)
            while slots[i] != 0 && slots[i] != packed { i = (i + 1) & (slots.count - 1) }
            slots[i] = packed
        }
    }

    /// `bytes` (at most eight) as one integer.
    @inline(__always)
    static func pack(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var packed: UInt64 = 0
        for b in bytes { packed = packed << 8 | UInt64(b) }
        return packed
    }

    @inline(__always)
    private func slot(_ packed: UInt64) -> Int { Int(truncatingIfNeeded: (packed &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    /// True when the word packed by `pack` is in the set.
    @inline(__always)
    func contains(packed: UInt64) -> Bool {
        var i = slot(packed)
        while slots[i] != 0 {
            if slots[i] == packed { return true }
            i = (i + 1) & (slots.count - 1)
        }
        return false
    }
}
