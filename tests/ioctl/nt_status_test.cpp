// The NTSTATUS catalog against ioctl-contracts.md §0.3, typed in here as an independent table.
#include <gtest/gtest.h>

#include "harness/ioctl/nt_status.hpp"

namespace cdcts::ioctl {
namespace {

struct Expected {
    const char* name;
    std::uint32_t value;
    std::uint32_t win32;
    const char* win32Name;  // as §0.3 writes it; empty where it gives only the number
};

// clang-format off
const Expected kExpected[] = {
    {"STATUS_SUCCESS",                     0x00000000, 0,    ""},
    {"STATUS_BUFFER_OVERFLOW",             0x80000005, 234,  "ERROR_MORE_DATA"},
    {"STATUS_DEVICE_BUSY",                 0x80000011, 170,  "ERROR_BUSY"},
    {"STATUS_VERIFY_REQUIRED",             0x80000016, 1110, "ERROR_MEDIA_CHANGED"},
    {"STATUS_NO_DATA_DETECTED",            0x80000022, 1104, "ERROR_NO_DATA_DETECTED"},
    {"STATUS_CLEANER_CARTRIDGE_INSTALLED", 0x80000027, 4340, ""},
    {"STATUS_INFO_LENGTH_MISMATCH",        0xC0000004, 24,   "ERROR_BAD_LENGTH"},
    {"STATUS_INVALID_HANDLE",              0xC0000008, 6,    "ERROR_INVALID_HANDLE"},
    {"STATUS_INVALID_PARAMETER",           0xC000000D, 87,   "ERROR_INVALID_PARAMETER"},
    {"STATUS_NO_SUCH_DEVICE",              0xC000000E, 433,  ""},
    {"STATUS_INVALID_DEVICE_REQUEST",      0xC0000010, 1,    "ERROR_INVALID_FUNCTION"},
    {"STATUS_NO_MEDIA_IN_DEVICE",          0xC0000013, 21,   "ERROR_NOT_READY"},
    {"STATUS_UNRECOGNIZED_MEDIA",          0xC0000014, 1785, "ERROR_UNRECOGNIZED_MEDIA"},
    {"STATUS_NONEXISTENT_SECTOR",          0xC0000015, 27,   "ERROR_SECTOR_NOT_FOUND"},
    {"STATUS_ACCESS_DENIED",               0xC0000022, 5,    "ERROR_ACCESS_DENIED"},
    {"STATUS_BUFFER_TOO_SMALL",            0xC0000023, 122,  "ERROR_INSUFFICIENT_BUFFER"},
    {"STATUS_DATA_OVERRUN",                0xC000003C, 1117, "ERROR_IO_DEVICE"},
    {"STATUS_INSUFFICIENT_RESOURCES",      0xC000009A, 1450, ""},
    {"STATUS_DEVICE_DATA_ERROR",           0xC000009C, 23,   "ERROR_CRC"},
    {"STATUS_DEVICE_NOT_CONNECTED",        0xC000009D, 1167, ""},
    {"STATUS_MEDIA_WRITE_PROTECTED",       0xC00000A2, 19,   "ERROR_WRITE_PROTECT"},
    {"STATUS_DEVICE_NOT_READY",            0xC00000A3, 21,   "ERROR_NOT_READY"},
    {"STATUS_IO_TIMEOUT",                  0xC00000B5, 121,  "ERROR_SEM_TIMEOUT"},
    {"STATUS_NOT_SUPPORTED",               0xC00000BB, 50,   ""},
    {"STATUS_DEVICE_DOES_NOT_EXIST",       0xC00000C0, 55,   ""},
    {"STATUS_INTERNAL_ERROR",              0xC00000E5, 1359, ""},
    {"STATUS_CANCELLED",                   0xC0000120, 995,  "ERROR_OPERATION_ABORTED"},
    {"STATUS_INVALID_LEVEL",               0xC0000148, 124,  ""},
    {"STATUS_INVALID_BLOCK_LENGTH",        0xC0000173, 1106, ""},
    {"STATUS_INVALID_DEVICE_STATE",        0xC0000184, 22,   "ERROR_BAD_COMMAND"},
    {"STATUS_IO_DEVICE_ERROR",             0xC0000185, 1117, "ERROR_IO_DEVICE"},
    {"STATUS_DEVICE_PROTOCOL_ERROR",       0xC0000186, 1117, ""},
    {"STATUS_INVALID_BUFFER_SIZE",         0xC0000206, 1784, "ERROR_INVALID_USER_BUFFER"},
};
// clang-format on

TEST(NtStatus, S0_3_EveryContractRowIsFoundByValueAndByName)
{
    for (const Expected& e : kExpected) {
        SCOPED_TRACE(e.name);
        const auto byValue = findNtStatus(NtStatus{e.value});
        ASSERT_TRUE(byValue.has_value());
        EXPECT_EQ(byValue->name, e.name);
        EXPECT_EQ(byValue->win32Error, e.win32);
        EXPECT_EQ(byValue->win32Name, e.win32Name);
        const auto byName = findNtStatus(std::string_view(e.name));
        ASSERT_TRUE(byName.has_value());
        EXPECT_EQ(byName->status.value, e.value);
        EXPECT_EQ(ntStatusName(NtStatus{e.value}), e.name);
    }
}

TEST(NtStatus, S0_3_NamedConstantsHaveTheContractValues)
{
    EXPECT_EQ(status::BufferTooSmall.value, 0xC0000023u);
    EXPECT_EQ(status::BufferOverflow.value, 0x80000005u);
    EXPECT_EQ(status::VerifyRequired.value, 0x80000016u);
    EXPECT_EQ(status::InvalidDeviceRequest.value, 0xC0000010u);
    EXPECT_EQ(findNtStatus("STATUS_BUFFER_TOO_SMALL")->status, status::BufferTooSmall);
    EXPECT_EQ(findNtStatus(status::NoMediaInDevice)->win32Name, "ERROR_NOT_READY");
}

// Every constant of the status namespace has a row, so ntStatusName never prints a bare number for them.
TEST(NtStatus, EveryNamedConstantHasARow)
{
    const NtStatus kConstants[] = {
        status::Success, status::BufferOverflow, status::DeviceBusy, status::VerifyRequired,
        status::NoDataDetected, status::CleanerCartridgeInstalled, status::NotImplemented,
        status::InfoLengthMismatch, status::InvalidHandle, status::InvalidParameter, status::NoSuchDevice,
        status::InvalidDeviceRequest, status::NoMediaInDevice, status::UnrecognizedMedia, status::NonexistentSector,
        status::AccessDenied, status::BufferTooSmall, status::DataOverrun, status::InsufficientResources,
        status::DeviceDataError, status::DeviceNotConnected, status::MediaWriteProtected, status::DeviceNotReady,
        status::IoTimeout, status::NotSupported, status::DeviceDoesNotExist, status::InternalError,
        status::Cancelled, status::InvalidLevel, status::InvalidBlockLength, status::InvalidDeviceState,
        status::IoDeviceError, status::DeviceProtocolError, status::InvalidBufferSize,
    };
    for (NtStatus s : kConstants) EXPECT_TRUE(findNtStatus(s).has_value()) << std::hex << s.value;
    // The one row that is not in §0.3.
    const auto notImplemented = findNtStatus(NtStatus{0xC0000002});
    ASSERT_TRUE(notImplemented.has_value());
    EXPECT_EQ(notImplemented->name, "STATUS_NOT_IMPLEMENTED");
    EXPECT_EQ(notImplemented->win32Error, 1u);
}

TEST(NtStatus, UnknownValuesAndNames)
{
    EXPECT_FALSE(findNtStatus(NtStatus{0xC0000001}).has_value());
    EXPECT_FALSE(findNtStatus("STATUS_NOT_A_STATUS").has_value());
    EXPECT_FALSE(findNtStatus("status_buffer_too_small").has_value());  // names are exact
    EXPECT_EQ(ntStatusName(NtStatus{0xC0000001}), "NTSTATUS 0xC0000001");
    EXPECT_EQ(ntStatusName(NtStatus{0x00000103}), "NTSTATUS 0x00000103");
}

TEST(NtStatus, S0_3_SeverityFollowsTheTopTwoBits)
{
    EXPECT_TRUE(status::Success.isSuccess());
    EXPECT_TRUE(status::BufferOverflow.isWarning());
    EXPECT_FALSE(status::BufferOverflow.isSuccess());
    EXPECT_TRUE(status::BufferTooSmall.isError());
}

}  // namespace
}  // namespace cdcts::ioctl
