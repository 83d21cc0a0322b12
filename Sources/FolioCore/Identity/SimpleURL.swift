/// `ArticleIdentity.normalize` for the URLs clippers nearly always write,
/// `http(s)://host/path` in letters, digits and `-._~/` only, on their bytes:
/// URLComponents costs tens of thousands of instructions per URL. Anything
/// else (a query, fragment, port, user, percent escape, punycode or other character)
/// gives nil and is left to URLComponents.
enum SimpleURL {
    static func normalize(_ url: String) -> String? {
        var url = url
        return url.withUTF8 { bytes -> String? in
            let n = bytes.count
            // The scheme, then "://".
            var i = 0
            while i < n && isLetter(bytes[i]) { i += 1 }
            guard i + 3 <= n, bytes[i] == 0x3A, bytes[i + 1] == 0x2F, bytes[i + 2] == 0x2F else { return nil }
            let scheme = bytes[0..<i].map { $0 | 0x20 }
            guard scheme == Array("http".utf8) || scheme == Array("https".utf8) else { return nil }
            // The host, lower-cased, up to the path.
            var host: [UInt8] = []
            var j = i + 3
            while j < n && bytes[j] != 0x2F {
                let b = bytes[j]
                guard isLetter(b) || isDigit(b) || b == 0x2D || b == 0x2E else { return nil }
                host.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
                j += 1
            }
            // Punycode labels are checked by URLComponents, which refuses invalid ones.
            if contains(host, "xn--") { return nil }
            if host.starts(with: Array("www.".utf8)) { host.removeFirst(4) }
            guard !host.isEmpty else { return nil }
            // The path, without trailing slashes; "/" alone is dropped.
            var end = n
            for k in j..<n {
                let b = bytes[k]
                guard isLetter(b) || isDigit(b) || b == 0x2D || b == 0x2E || b == 0x5F || b == 0x7E || b == 0x2F else { return nil }
            }
            while end - j > 1 && bytes[end - 1] == 0x2F { end -= 1 }
            if end - j == 1 { end = j }
            return "https://" + String(decoding: host, as: UTF8.self) + String(decoding: bytes[j..<end], as: UTF8.self)
        }
    }

    private static func contains(_ bytes: [UInt8], _ text: String) -> Bool {
        let needle = Array(text.utf8)
        guard bytes.count >= needle.count else { return false }
        return (0...(bytes.count - needle.count)).contains { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    private static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
}
