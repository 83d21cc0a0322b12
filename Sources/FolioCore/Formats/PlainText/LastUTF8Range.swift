extension String {
    /// The last occurrence of `needle`, compared byte for byte (as `range(of:options: .backwards)`
    /// finds it where Characters and bytes agree).
    func lastUTF8Range(of needle: String) -> Range<String.Index>? {
        let pin = Array(needle.utf8)
        guard !pin.isEmpty else { return nil }
        var copy = self
        let found = copy.withUTF8 { hay -> Int? in
            guard pin.count <= hay.count else { return nil }
            var i = hay.count - pin.count
            while i >= 0 {
                if hay[i] == pin[0] {
                    var k = 1
                    while k < pin.count && hay[i + k] == pin[k] { k += 1 }
                    if k == pin.count { return i }
                }
                i -= 1
            }
            return nil
        }
        guard let found else { return nil }
        let start = utf8.index(utf8.startIndex, offsetBy: found)
        return start..<utf8.index(start, offsetBy: pin.count)
    }
}
