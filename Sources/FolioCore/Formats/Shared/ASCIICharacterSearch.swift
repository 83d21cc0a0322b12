extension StringProtocol {
    /// `firstIndex(of:)` for an ASCII Character, found on bytes. The first such byte
    /// is the answer when it stands alone: ASCII on both sides means no mark joins it
    /// and it joins nothing (only "\r\n" joins two ASCII scalars, and "\r" and "\n"
    /// are not asked for). Otherwise the Characters are walked. Only for bytes that
    /// no other scalar is canonically equal to (not ";", "`" or "K"; the tests check).
    func firstIndex(ofASCII byte: UInt8) -> String.Index? {
        let found: Int?? = utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            guard let k = bytes.firstIndex(of: byte) else { return -1 }
            let alone = (k == 0 || bytes[k - 1] < 0x80) && (k + 1 == bytes.count || bytes[k + 1] < 0x80)
            return alone ? k : nil
        }
        switch found {
        case .some(.some(-1)): return nil
        case .some(.some(let k)): return utf8.index(utf8.startIndex, offsetBy: k)
        default: return firstIndex(of: Character(Unicode.Scalar(byte)))
        }
    }
}
