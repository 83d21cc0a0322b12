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
            var found: UInt64 = 0
            let n = bytes.count
            var i = 0
            while i + 1 < n {
                var candidates = firstByte[Int(bytes[i])] & secondByte[Int(bytes[i + 1])] & ~found
                while candidates != 0 {
                    let index = candidates.trailingZeroBitCount
                    candidates &= candidates - 1
                    let phrase = phrases[index]
                    guard phrase.count <= n - i else { continue }
                    var k = 2
                    while k < phrase.count && bytes[i + k] == phrase[k] { k += 1 }
                    if k == phrase.count { found |= 1 << index }
                }
                i += 1
            }
            return (0..<phrases.count).filter { found & (1 << $0) != 0 }
        }
    }
}
