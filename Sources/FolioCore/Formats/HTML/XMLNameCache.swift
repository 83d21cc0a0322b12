/// Element and attribute names from libxml2 as lower-case Swift strings, with
/// their `ElementTag`. libxml2's HTML parser lower-cases names itself and gives
/// every node its own copy, so a name of up to 16 ASCII bytes is read into two
/// words and looked up in a fixed table of the tag names and common attribute
/// names: no string is made, hashed or lower-cased for them. Other names are
/// made the straightforward way.
enum XMLNameCache {
    private static let bits = 9
    private static let attributeNames = [
        "class", "id", "href", "src", "style", "alt", "title", "rel", "name", "content", "property", "itemprop", "itemscope",
        "itemtype", "role", "hidden", "aria-hidden", "aria-label", "type", "lang", "width", "height", "datetime", "charset",
        "http-equiv", "srcset", "sizes", "target", "loading", "decoding", "data-src", "colspan", "rowspan", "dir", "async",
        "defer", "media", "crossorigin", "integrity", "tabindex", "value", "action", "method", "for", "placeholder", "summary",
        "datatable", "aria-modal", "onclick", "xmlns", "viewbox", "fill", "d", "cite", "border", "align", "valign",
    ]

    /// Slots of (first word, second word) → (name, tag); an empty slot has a zero first word.
    private static let table: (keys: [(UInt64, UInt64)], values: [(String, ElementTag)]) = {
        var keys = [(UInt64, UInt64)](repeating: (0, 0), count: 1 << bits)
        var values = [(String, ElementTag)](repeating: ("", .other), count: 1 << bits)
        for name in ElementTag.allCases.map(\.rawValue) + attributeNames {
            var bytes = Array(name.utf8)
            guard bytes.count <= 16 else { continue }
            bytes.append(0)
            let key = bytes.withUnsafeBufferPointer { pack($0.baseAddress!)! }
            var slot = Self.slot(key)
            while keys[slot].0 != 0 && keys[slot] != key { slot = (slot + 1) & ((1 << bits) - 1) }
            keys[slot] = key
            values[slot] = (name, ElementTag(name: name))
        }
        return (keys, values)
    }()

    /// The lower-case name at `pointer` and its tag: `String(cString:).lowercased()`
    /// and `ElementTag(name:)` of that.
    static func name(_ pointer: UnsafePointer<UInt8>) -> (String, ElementTag) {
        guard let key = pack(pointer) else {
            let name = lowerCased(pointer)
            return (name, ElementTag(name: name))
        }
        if key.0 == 0 { return ("", ElementTag(name: "")) }
        let table = Self.table
        var slot = Self.slot(key)
        while table.keys[slot].0 != 0 {
            if table.keys[slot] == key { return table.values[slot] }
            slot = (slot + 1) & ((1 << bits) - 1)
        }
        // Not a tag name, so `.other`.
        return (String(decoding: UnsafeBufferPointer(start: pointer, count: length(key)), as: UTF8.self), .other)
    }

    /// The bytes of a name of at most 16 bytes with no capitals and no byte past
    /// ASCII, little-endian in two words, zero-padded; nil for any other name.
    static func pack(_ pointer: UnsafePointer<UInt8>) -> (UInt64, UInt64)? {
        var words: (UInt64, UInt64) = (0, 0)
        for i in 0..<17 {
            let byte = pointer[i]
            if byte == 0 { return words }
            if i == 16 || byte >= 0x80 || (byte >= 0x41 && byte <= 0x5A) { return nil }
            if i < 8 { words.0 |= UInt64(byte) << (8 * UInt64(i)) } else { words.1 |= UInt64(byte) << (8 * UInt64(i - 8)) }
        }
        return nil
    }

    private static func length(_ key: (UInt64, UInt64)) -> Int {
        key.1 != 0 ? 16 - key.1.leadingZeroBitCount / 8 : 8 - key.0.leadingZeroBitCount / 8
    }

    private static func slot(_ key: (UInt64, UInt64)) -> Int {
        Int(truncatingIfNeeded: ((key.0 ^ (key.1 &* 0xC2B2_AE3D_27D4_EB4F)) &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
    }

    /// `String(cString:).lowercased()`, without the second string when the
    /// name is ASCII with no capitals.
    static func lowerCased(_ pointer: UnsafePointer<UInt8>) -> String {
        var p = pointer
        while p.pointee != 0 {
            let byte = p.pointee
            if byte >= 0x80 || (byte >= 0x41 && byte <= 0x5A) { return String(cString: pointer).lowercased() }
            p += 1
        }
        return String(decoding: UnsafeBufferPointer(start: pointer, count: p - pointer), as: UTF8.self)
    }
}
