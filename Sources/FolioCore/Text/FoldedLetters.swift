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
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if b < 0x80 {
                    if b &- 0x61 < 26 || b &- 0x30 < 10 { out.append(b) } else if b &- 0x41 < 26 { out.append(b | 0x20) }
                    i += 1
                    continue
                }
                let (value, length) = WordCount.decode(bytes, at: i)
                guard let folded = table(value) else { return nil }
                out.append(contentsOf: folded)
                i += length
            }
            return String(decoding: out, as: UTF8.self)
        } ?? foundation(text)
    }

    /// Foundation's diacritic- and case-insensitive folding, lower-cased, keeping a–z and 0–9.
    static func foundation(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).quickLowercased()
        return String(folded.unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) }.map(Character.init))
    }

    /// Latin-1 Supplement to Latin Extended-B, and General Punctuation.
    static let latin: ClosedRange<UInt32> = 0xA0...0x24F, punctuation: ClosedRange<UInt32> = 0x2000...0x206F

    private static let latinTable = latin.map { Array(foundation(String(Unicode.Scalar($0)!)).utf8) }
    private static let punctuationTable = punctuation.map { Array(foundation(String(Unicode.Scalar($0)!)).utf8) }

    @inline(__always)
    private static func table(_ v: UInt32) -> [UInt8]? {
        if latin.contains(v) { return latinTable[Int(v - latin.lowerBound)] }
        if punctuation.contains(v) { return punctuationTable[Int(v - punctuation.lowerBound)] }
        return nil
    }
}
