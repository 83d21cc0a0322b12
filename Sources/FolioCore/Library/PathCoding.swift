/// File names are bytes; Swift strings are Unicode. Bytes that are not valid
/// UTF-8 are carried losslessly as private-use scalars (U+10FF00 + byte) so the
/// file can still be opened, and shown as U+FFFD.
public enum PathCoding {
    private static let base: UInt32 = 0x10FF00

    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if let valid = String(validating: bytes, as: UTF8.self) { return valid }
        var scalars = String.UnicodeScalarView()
        var i = 0
        while i < bytes.count {
            var iterator = UnsafeBufferPointer(rebasing: bytes[i...]).makeIterator()
            var decoder = UTF8()
            switch decoder.decode(&iterator) {
            case .scalarValue(let s):
                scalars.append(s)
                i += UTF8.width(s)
            case .emptyInput:
                i = bytes.count
            case .error:
                scalars.append(Unicode.Scalar(base + UInt32(bytes[i]))!)
                i += 1
            }
        }
        return String(scalars)
    }

    public static func encode(_ path: String) -> [UInt8] {
        var bytes: [UInt8] = []
        for scalar in path.unicodeScalars {
            if scalar.value >= base && scalar.value <= base + 0xFF {
                bytes.append(UInt8(scalar.value - base))
            } else {
                bytes.append(contentsOf: Array(String(scalar).utf8))
            }
        }
        return bytes
    }

    /// The path as a person should see it: undecodable bytes as U+FFFD.
    public static func display(_ path: String) -> String {
        guard path.unicodeScalars.contains(where: { $0.value >= base && $0.value <= base + 0xFF }) else { return path }
        return String(String.UnicodeScalarView(path.unicodeScalars.map { $0.value >= base && $0.value <= base + 0xFF ? "\u{FFFD}" : $0 }))
    }

    /// Calls `body` with the path as a C string.
    public static func withCString<T>(_ path: String, _ body: (UnsafePointer<CChar>) -> T) -> T {
        // Almost every path is plain UTF-8: no carried bytes (they start with 0xF4).
        if !path.utf8.contains(0xF4) { return path.withCString(body) }
        var bytes = encode(path)
        bytes.append(0)
        return bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count, body)
        }
    }
}
