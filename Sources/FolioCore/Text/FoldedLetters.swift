import Foundation

/// The lower-case ASCII letters and digits of a text with accents folded
/// ("Der Talbote" -> "dertalbote"): the key site names, domains and pull
/// quotes are compared by. Foundation's folding is the reference; text whose
/// scalars are all ASCII, Latin or general punctuation (the usual case) is
/// folded scalar by scalar from a table made once from Foundation's answers.
enum FoldedLetters {
    static func of(_ text: String) -> String {
        var copy = text
        return copy.withUTF8 { bytes -> String? in
            // Each scalar folds to at most `longestFold` bytes, and takes at least one.
            var failed = false
            let folded = [UInt8](unsafeUninitializedCapacity: bytes.count * longestFold) { out, written in
                var w = 0
                var i = 0
                let n = bytes.count
                while i < n {
                    let b = bytes[i]
                    if b < 0x80 {
                        if b &- 0x61 < 26 || b &- 0x30 < 10 { out[w] = b; w += 1 } else if b &- 0x41 < 26 { out[w] = b | 0x20; w += 1 }
                        i += 1
                        continue
                    }
                    let (value, length) = WordCount.decode(bytes, at: i)
                    guard let fold = table(value) else { failed = true; break }
                    for f in fold { out[w] = f; w += 1 }
                    i += length
                }
                written = failed ? 0 : w
            }
            return failed ? nil : String(decoding: folded, as: UTF8.self)
        } ?? foundation(text)
    }

    /// Foundation's diacritic- and case-insensitive folding, lower-cased, keeping a–z and 0–9.
    static func foundation(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).quickLowercased()
        return String(folded.unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) }.map(Character.init))
    }

    /// Latin-1 Supplement to Latin Extended-B, and General Punctuation.
    static let latin: ClosedRange<UInt32> = 0xA0...0x24F, punctuation: ClosedRange<UInt32> = 0x2000...0x206F

    /// The most bytes a scalar folds to (at least 1).
    private static let longestFold = max(1, (latinTable + punctuationTable).map(\.count).max() ?? 1)

    private static let latinTable = latin.map { Array(foundation(String(Unicode.Scalar($0)!)).utf8) }
    private static let punctuationTable = punctuation.map { Array(foundation(String(Unicode.Scalar($0)!)).utf8) }

    @inline(__always)
    private static func table(_ v: UInt32) -> [UInt8]? {
        if latin.contains(v) { return latinTable[Int(v - latin.lowerBound)] }
        if punctuation.contains(v) { return punctuationTable[Int(v - punctuation.lowerBound)] }
        return nil
    }
}
