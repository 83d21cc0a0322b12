#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import Foundation

/// The Linux inotify ABI (values from <sys/inotify.h>, stable since 2.6.13).
enum Inotify {
    static let attrib: UInt32 = 0x0000_0004
    static let closeWrite: UInt32 = 0x0000_0008
    static let movedFrom: UInt32 = 0x0000_0040
    static let movedTo: UInt32 = 0x0000_0080
    static let create: UInt32 = 0x0000_0100
    static let delete: UInt32 = 0x0000_0200
    static let deleteSelf: UInt32 = 0x0000_0400
    static let moveSelf: UInt32 = 0x0000_0800
    static let unmount: UInt32 = 0x0000_2000
    static let queueOverflow: UInt32 = 0x0000_4000
    static let ignored: UInt32 = 0x0000_8000
    static let onlyDirectory: UInt32 = 0x0100_0000
    static let dontFollow: UInt32 = 0x0200_0000
    static let isDirectory: UInt32 = 0x4000_0000
    static let cloexec = 0o2000000
    static let nonblock = 0o4000

    static let watchMask = create | closeWrite | movedFrom | movedTo | delete | deleteSelf | moveSelf | attrib | onlyDirectory | dontFollow
}
