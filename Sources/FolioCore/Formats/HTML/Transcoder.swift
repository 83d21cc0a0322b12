#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns a page in another character set into UTF-8 before libxml2 sees it.
/// libxml2 converts through iconv too, but stops at the first byte that is not
/// valid in the declared set and drops the rest of the page; here an invalid
/// byte becomes U+FFFD and conversion goes on.
enum Transcoder {
    static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// The page as UTF-8, or nil when the character set is unknown.
    static func utf8(_ bytes: [UInt8], from encoding: String) -> [UInt8]? {
        switch encoding.lowercased() {
        case "utf-8", "utf8": return bytes
        case "windows-1252": return Array(TextDecoding.windows1252(bytes).utf8)
        case "utf-16le" where bytes.starts(with: [0xFF, 0xFE]): return iconvert(Array(bytes.dropFirst(2)), from: encoding)
        case "utf-16be" where bytes.starts(with: [0xFE, 0xFF]): return iconvert(Array(bytes.dropFirst(2)), from: encoding)
        default: return iconvert(bytes, from: encoding)
        }
    }

    private static func iconvert(_ bytes: [UInt8], from encoding: String) -> [UInt8]? {
        let converter = iconv_open("UTF-8", encoding)
        guard let converter, converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 2)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var input = bytes
        input.withUnsafeMutableBufferPointer { inBuffer in
            chunk.withUnsafeMutableBufferPointer { outBuffer in
                guard let inBase = inBuffer.baseAddress, let outBase = outBuffer.baseAddress else { return }
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBase).assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                while inLeft > 0 {
                    var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBase).assumingMemoryBound(to: CChar.self)
                    var outLeft = outBuffer.count
                    let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                    output.append(contentsOf: outBuffer.prefix(outBuffer.count - outLeft))
                    if result == -1 && errno != E2BIG {
                        // An invalid or cut-off sequence: replace one byte and go on.
                        output.append(contentsOf: replacement)
                        inPointer = inPointer.map { $0 + 1 }
                        inLeft -= 1
                        _ = iconv(converter, nil, nil, nil, nil)  // back to the initial shift state
                    }
                }
            }
        }
        return output
    }
}
