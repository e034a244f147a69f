#pragma once
// Internal to the bad-input generator (bad_input_cases.cpp, bad_input_structured_cases.cpp): how one code's
// cases are written down, and the status sets the contracts give for answers that are not one status.
#include <algorithm>
#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "harness/core/bytes.hpp"
#include "suites/bad_input_cases.hpp"

namespace cdcts::suites::bad_input::detail {

namespace st = ioctl::status;
using Statuses = std::vector<ioctl::NtStatus>;

// The documented answers of one case: with a disc in the drive, and with none.
struct Answer {
    Statuses withMedium;
    Statuses withoutMedium;
};
// Refused before anything reaches the drive (a V-stage row): the same answer whatever the drive holds.
inline Answer always(Statuses s) { return {s, s}; }
inline Answer byMedium(Statuses with, Statuses without) { return {std::move(with), std::move(without)}; }

// Any ILLEGAL REQUEST sense as §8.1/§8.2 map it: 21h (LBA out of range) -> NONEXISTENT_SECTOR; 24h, 2Ch, 64h and
// every other ASC -> INVALID_DEVICE_REQUEST. The contracts pass these values to the drive unchecked, and MMC lets
// the drive pick the ASC.
inline Statuses illegalRequest() { return {st::InvalidDeviceRequest, st::NonexistentSector}; }
// The same command to an empty drive: NOT READY / 3Ah (§8.1), or ILLEGAL REQUEST for a drive that checks the CDB
// before the medium (MMC leaves the order to the drive).
inline Statuses illegalRequestOrNoMedium() { return {st::NoMediaInDevice, st::InvalidDeviceRequest, st::NonexistentSector}; }
// What a port driver answers for a code the class driver forwards (§3.23, Q6).
inline Statuses portDriverRejection() { return {st::InvalidDeviceRequest, st::NotSupported}; }

// Little-endian 32-bit fields, as the SDK structures lay them out.
inline std::vector<std::uint8_t> le32s(std::initializer_list<std::uint32_t> fields, std::size_t size = 0)
{
    std::vector<std::uint8_t> bytes(std::max(size, fields.size() * 4), 0);
    std::size_t at = 0;
    for (std::uint32_t f : fields) {
        storeLe32(bytes.data() + at, f);
        at += 4;
    }
    return bytes;
}
inline std::vector<std::uint8_t> filled(std::size_t size, std::uint8_t value) { return std::vector<std::uint8_t>(size, value); }
inline std::vector<std::uint8_t> resized(std::vector<std::uint8_t> bytes, std::size_t size)
{
    bytes.resize(size, 0);
    return bytes;
}
inline std::uint32_t negative(std::int32_t v) { return static_cast<std::uint32_t>(v); }

// Writes one code's cases: `add` names a case "<Code>_<what>" and fills in the code's value and access.
class CaseList {
public:
    CaseList(std::vector<BadInputCase>& out, const ioctl::CodeInfo& info, ioctl::ControlCode value)
        : out_(out), info_(info), value_(value), prefix_(camelCaseCodeName(info.name))
    {
    }
    BadInputCase& add(std::string_view what, std::vector<std::uint8_t> input, std::size_t outputLength, Answer answer,
                      std::string_view rule)
    {
        BadInputCase c;
        c.name = prefix_ + "_" + std::string(what);
        c.code = info_.name;
        c.value = value_;
        c.access = value_.access() == ioctl::RequiredAccess::ReadWrite ? HandleAccess::ReadWrite : HandleAccess::Read;
        c.input = std::move(input);
        c.outputLength = outputLength;
        c.withMedium = std::move(answer.withMedium);
        c.withoutMedium = std::move(answer.withoutMedium);
        c.rule = rule;
        out_.push_back(std::move(c));
        return out_.back();
    }

    // A request the class driver refuses without a command to the drive: a V-stage row (§1 step 4: checked before
    // the request is queued, so before any MMC refresh), or a code that sends none (§3.4, §3.5, §3.10, §3.23).
    BadInputCase& refuse(std::string_view what, std::vector<std::uint8_t> input, std::size_t outputLength, Answer answer,
                         std::string_view rule)
    {
        BadInputCase& c = add(what, std::move(input), outputLength, std::move(answer), rule);
        c.sendsNoCommand = true;
        return c;
    }

private:
    std::vector<BadInputCase>& out_;
    const ioctl::CodeInfo& info_;
    ioctl::ControlCode value_;
    std::string prefix_;
};

// The structured codes' generators (bad_input_structured_cases.cpp).
void readTocExCases(CaseList& c);
void getConfigurationCases(CaseList& c);
void rawReadCases(CaseList& c);
void readQChannelCases(CaseList& c);
void playAudioMsfCases(CaseList& c);
void seekAudioMsfCases(CaseList& c);
void setSpeedCases(CaseList& c);
void getPerformanceCases(CaseList& c);
void sendOpcInformationCases(CaseList& c);
void enableStreamingCases(CaseList& c);
void exclusiveAccessCases(CaseList& c);

}  // namespace cdcts::suites::bad_input::detail
