extension StringProtocol {
    /// `hasPrefix(prefix)` for a prefix of ASCII bytes that no other scalar is canonically
    /// equal to (not ";", "`" or "K"), decided on bytes where it can be: bytes that differ
    /// mean Characters that differ, and equal bytes followed by an ASCII byte or by nothing
    /// are the prefix's own Characters (only "\r\n" joins two ASCII scalars; no prefix here
    /// ends in "\r"). Equal bytes followed by a non-ASCII byte (a combining mark may join
    /// the last one) go the Character way.
    func hasASCIIPrefix(_ prefix: StaticString) -> Bool {
        let p = UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
        let decided: Bool?? = utf8.withContiguousStorageIfAvailable { b -> Bool? in
            guard b.count >= p.count else { return false }
            for k in 0..<p.count where b[k] != p[k] { return false }
            return b.count == p.count || b[p.count] < 0x80 ? true : nil
        }
        if let decided, let decided { return decided }
        return hasPrefix(prefix.description)
    }
}
