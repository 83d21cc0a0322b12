/// Which of a fixed list of phrases (at most 64, each two bytes or longer)
/// occur in a text, found in one pass over its UTF-8 bytes: a pair of bytes
/// is compared further only with the phrases that start with that pair,
/// instead of searching the whole text once per phrase.
struct PhraseIndex {
    private let phrases: [[UInt8]]
    /// For each byte value, a bit for each phrase whose first (second) byte it is.
    private let firstByte: [UInt64], secondByte: [UInt64]

    init(_ phrases: [String]) {
        precondition(phrases.count <= 64 && phrases.allSatisfy { $0.utf8.count >= 2 })
        self.phrases = phrases.map { Array($0.utf8) }
        var first = [UInt64](repeating: 0, count: 256), second = first
        for (index, phrase) in self.phrases.enumerated() {
            first[Int(phrase[0])] |= 1 << index
            second[Int(phrase[1])] |= 1 << index
        }
        firstByte = first
        secondByte = second
    }

    /// The indices of the phrases that occur in `text`, in the order of the list.
    func present(in text: String) -> [Int] {
        var text = text
        return text.withUTF8 { bytes -> [Int] in
            let found = scan(bytes, foldingCase: false, stopAtFirst: false)
            return (0..<phrases.count).filter { found & (1 << $0) != 0 }
        }
    }

    /// True when a phrase occurs in `bytes` (ASCII) in any letter case: what
    /// searching the text lower-cased would find, without the lower-cased copy.
    /// The phrases must be lower-case ASCII.
    func anyPresent(inASCIIIgnoringCase bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        assert(phrases.allSatisfy { $0.allSatisfy { $0 < 0x80 && Self.fold($0) == $0 } })
        return scan(bytes, foldingCase: true, stopAtFirst: true) != 0
    }

    /// An ASCII byte lower-cased.
    @inline(__always)
    static func fold(_ b: UInt8) -> UInt8 { b &- 0x41 < 26 ? b | 0x20 : b }

    /// A bit for each phrase found: a pair of bytes is compared further only with the
    /// phrases that start with that pair (read lower-cased when `foldingCase`).
    @inline(__always)
    private func scan(_ bytes: UnsafeBufferPointer<UInt8>, foldingCase: Bool, stopAtFirst: Bool) -> UInt64 {
        @inline(__always) func byte(_ i: Int) -> UInt8 { foldingCase ? Self.fold(bytes[i]) : bytes[i] }
        var found: UInt64 = 0
        let n = bytes.count
        guard n >= 2 else { return 0 }
        return firstByte.withUnsafeBufferPointer { firstByte in
            secondByte.withUnsafeBufferPointer { secondByte in
                var next = byte(0)
                var i = 0
                while i + 1 < n {
                    let b = next
                    next = byte(i + 1)
                    var candidates = firstByte[Int(b)] & secondByte[Int(next)] & ~found
                    while candidates != 0 {
                        let index = candidates.trailingZeroBitCount
                        candidates &= candidates - 1
                        let phrase = phrases[index]
                        guard phrase.count <= n - i else { continue }
                        var k = 2
                        while k < phrase.count && byte(i + k) == phrase[k] { k += 1 }
                        if k == phrase.count {
                            found |= 1 << index
                            if stopAtFirst { return found }
                        }
                    }
                    i += 1
                }
                return found
            }
        }
    }
}
