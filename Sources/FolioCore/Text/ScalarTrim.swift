/// Trimming by Unicode scalar, exactly as Foundation's `trimmingCharacters(in:)`
/// trims (scalar by scalar, not by Character), without bridging every string
/// through NSString and UTF-16.
enum ScalarTrim {
    /// `CharacterSet.whitespaces`: tab and the space separators, plus U+200B as Foundation counts it.
    @inline(__always)
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x20, 0x09: return true
        case 0..<0x80: return false
        case 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// `CharacterSet.whitespacesAndNewlines`.
    @inline(__always)
    static func isSpaceOrNewline(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return true
        default: return isSpace(s)
        }
    }

    static func trim(_ text: Substring, where drop: (Unicode.Scalar) -> Bool) -> Substring {
        trim(text, leading: drop, trailing: drop)
    }

    /// Drops scalars from the start while `leading` holds, then from the end while `trailing` does.
    static func trim(_ text: Substring, leading: (Unicode.Scalar) -> Bool, trailing: (Unicode.Scalar) -> Bool) -> Substring {
        let scalars = text.unicodeScalars
        var lo = scalars.startIndex, hi = scalars.endIndex
        while lo < hi, leading(scalars[lo]) { lo = scalars.index(after: lo) }
        while hi > lo {
            let before = scalars.index(before: hi)
            if !trailing(scalars[before]) { break }
            hi = before
        }
        return Substring(scalars[lo..<hi])
    }
}

extension StringProtocol {
    /// `trimmingCharacters(in: .whitespaces)`.
    func trimmingSpaces() -> String { trimmingScalars(where: ScalarTrim.isSpace) }

    /// `trimmingCharacters(in: .whitespacesAndNewlines)`.
    func trimmingSpacesAndNewlines() -> String { trimmingScalars(where: ScalarTrim.isSpaceOrNewline) }

    /// `trimmingCharacters(in: CharacterSet(charactersIn: scalars))`.
    func trimmingScalars(in scalars: String) -> String {
        trimmingScalars(where: { scalars.unicodeScalars.contains($0) })
    }

    func trimmingScalars(where drop: (Unicode.Scalar) -> Bool) -> String {
        if let whole = self as? String {
            // Nothing to trim (the usual case): no copy.
            if let f = whole.unicodeScalars.first, let l = whole.unicodeScalars.last, !drop(f), !drop(l) { return whole }
            return String(ScalarTrim.trim(whole[...], where: drop))
        }
        return String(ScalarTrim.trim(self as? Substring ?? String(self)[...], where: drop))
    }
}
