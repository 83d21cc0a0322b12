import Foundation

/// The environment folio started with, read once. `ProcessInfo.environment`
/// builds a new dictionary of every variable at each call, and a start asked
/// for it eight times (about 0.6 ms before the first frame); folio never
/// changes its own environment. Read from `environ` itself: the first use of
/// `ProcessInfo` costs as many instructions again as the reading.
public enum ProcessEnvironment {
    public static let values: [String: String] = parse(environ)

    /// "NAME=value" entries up to the null pointer; a name given twice keeps
    /// its first value, as `getenv` finds it, and an entry without "=" is skipped.
    static func parse(_ entries: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> [String: String] {
        var result: [String: String] = [:]
        guard var entry = entries else { return result }
        while let text = entry.pointee {
            let length = strlen(text)
            text.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
                let all = UnsafeBufferPointer(start: bytes, count: length)
                guard let equals = all.firstIndex(of: UInt8(ascii: "=")), equals > 0 else { return }
                let name = String(decoding: UnsafeBufferPointer(rebasing: all[..<equals]), as: UTF8.self)
                if result[name] == nil {
                    result[name] = String(decoding: UnsafeBufferPointer(rebasing: all[(equals + 1)...]), as: UTF8.self)
                }
            }
            entry += 1
        }
        return result
    }
}
