/// Which of a fixed list of phrases occur in a text, found in one pass over
/// its UTF-8 bytes: each byte is compared only with the phrases that start
/// with it, instead of searching the whole text once per phrase.
struct PhraseIndex {
    private let phrases: [[UInt8]]
    /// Indices of the phrases that start with each byte value.
    private let byFirstByte: [[Int]]

    init(_ phrases: [String]) {
        self.phrases = phrases.map { Array($0.utf8) }
        var table = [[Int]](repeating: [], count: 256)
        for (index, phrase) in self.phrases.enumerated() { if let b = phrase.first { table[Int(b)].append(index) } }
        byFirstByte = table
    }

    /// The indices of the phrases that occur in `text`, in the order of the list.
    func present(in text: String) -> [Int] {
        var text = text
        return text.withUTF8 { bytes -> [Int] in
            var found = [Bool](repeating: false, count: phrases.count)
            var any = false
            let n = bytes.count
            for i in 0..<n {
                for index in byFirstByte[Int(bytes[i])] where !found[index] {
                    let phrase = phrases[index]
                    guard phrase.count <= n - i else { continue }
                    var k = 1
                    while k < phrase.count && bytes[i + k] == phrase[k] { k += 1 }
                    if k == phrase.count { found[index] = true; any = true }
                }
            }
            return any ? found.indices.filter { found[$0] } : []
        }
    }
}
