#pragma once
// The class driver's dispatch table: one row per (normalised) code, with its validator and handler.
// Adding a code means adding a row here and a handler file under handlers/.
#include <span>
#include <string_view>

#include "harness/classdriver/request.hpp"

namespace cdcts::classdriver {

struct DispatchRow {
    ioctl::ControlCode code;
    std::string_view section;  // ioctl-contracts.md section the row implements
    Validator validate;        // may be nullptr: no V-stage checks
    Handler handle;            // nullptr: the sample implements the code but this model does not yet
};

[[nodiscard]] std::span<const DispatchRow> dispatchTable();
[[nodiscard]] const DispatchRow* findDispatchRow(ioctl::ControlCode normalized);

// §1 step 3: CD-ROM (and SCSI, DISK, TAPE, DVD) codes with function 0x200..0x300 become STORAGE codes.
[[nodiscard]] ioctl::ControlCode normalizeIoctl(ioctl::ControlCode code);

// Handlers and validators, one file per family under handlers/.
std::optional<Completion> validateCheckVerify(const Request&, const DriverContext&);
Completion handleCheckVerify(const Request&, DriverContext&);
std::optional<Completion> validateReadToc(const Request&, const DriverContext&);
Completion handleReadToc(const Request&, DriverContext&);
std::optional<Completion> validateGetDriveGeometry(const Request&, const DriverContext&);
std::optional<Completion> validateGetDriveGeometryEx(const Request&, const DriverContext&);
Completion handleGetDriveGeometry(const Request&, DriverContext&);
// TOC, raw reads and Q channel (§3.16-§3.19).
std::optional<Completion> validateGetLastSession(const Request&, const DriverContext&);
Completion handleGetLastSession(const Request&, DriverContext&);
std::optional<Completion> validateReadTocEx(const Request&, const DriverContext&);
Completion handleReadTocEx(const Request&, DriverContext&);
std::optional<Completion> validateRawRead(const Request&, const DriverContext&);
Completion handleRawRead(const Request&, DriverContext&);
std::optional<Completion> validateReadQChannel(const Request&, const DriverContext&);
Completion handleReadQChannel(const Request&, DriverContext&);
// IRP_MJ_READ (cooked reads, §7.3, §7.4, §3.5): no dispatch row; ClassDriver::read calls these.
std::optional<Completion> validateCookedRead(const FileObject& file, std::int64_t byteOffset, std::size_t length,
                                             const DriverContext& context);
Completion handleCookedRead(const FileObject& file, std::int64_t byteOffset, std::span<std::uint8_t> buffer, DriverContext& context);

}  // namespace cdcts::classdriver
