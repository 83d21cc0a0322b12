/// Whether any of a fixed list of lower-case ASCII phrases (at most 64, each two
/// bytes or longer) occurs in ASCII text in any letter case: what searching the
/// text lower-cased would find, in one pass and without making the lower-cased copy.
struct FoldedPhraseIndex {
    private let phrases: [[UInt8]]
    /// For each byte value, a bit for each phrase whose first (second) byte it is.
    private let firstByte: [UInt64], secondByte: [UInt64]

    init(_ phrases: [String]) {
        self.phrases = phrases.map { Array($0.utf8) }
        precondition(self.phrases.count <= 64 && self.phrases.allSatisfy { $0.count >= 2 && $0.allSatisfy { $0 < 0x80 && Self.fold($0) == $0 } })
        var first = [UInt64](repeating: 0, count: 256), second = first
        for (index, phrase) in self.phrases.enumerated() {
            first[Int(phrase[0])] |= 1 << index
            second[Int(phrase[1])] |= 1 << index
        }
        firstByte = first
        secondByte = second
    }

    /// An ASCII byte lower-cased.
    @inline(__always)
    static func fold(_ b: UInt8) -> UInt8 { b &- 0x41 < 26 ? b | 0x20 : b }

    /// True when a phrase occurs in `bytes` (ASCII) lower-cased.
    func anyPresent(inASCII bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        guard n >= 2 else { return false }
        return firstByte.withUnsafeBufferPointer { firstByte in
            secondByte.withUnsafeBufferPointer { secondByte in
                var next = Self.fold(bytes[0])
                var i = 0
                while i + 1 < n {
                    let b = next
                    next = Self.fold(bytes[i + 1])
                    var candidates = firstByte[Int(b)] & secondByte[Int(next)]
                    while candidates != 0 {
                        let phrase = phrases[candidates.trailingZeroBitCount]
                        candidates &= candidates - 1
                        guard phrase.count <= n - i else { continue }
                        var k = 2
                        while k < phrase.count && Self.fold(bytes[i + k]) == phrase[k] { k += 1 }
                        if k == phrase.count { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }
}
