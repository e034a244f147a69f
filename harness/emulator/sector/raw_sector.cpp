#include "harness/emulator/sector/raw_sector.hpp"

#include <algorithm>
#include <cstring>

#include "harness/core/bytes.hpp"
#include "harness/emulator/sector/bcd.hpp"
#include "harness/emulator/sector/ecc.hpp"
#include "harness/emulator/sector/edc.hpp"

namespace cdcts::emulator::sector {
namespace {

constexpr std::uint8_t kSync[kSyncSize] = {0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x00};

void writeSyncAndHeader(std::int32_t lba, std::uint8_t mode, RawSector out)
{
    std::memcpy(out.data(), kSync, kSyncSize);
    const BcdMsf msf = lbaToBcdMsf(lba);
    out[offset::Header + 0] = msf.minute;
    out[offset::Header + 1] = msf.second;
    out[offset::Header + 2] = msf.frame;
    out[offset::Mode] = mode;
}

void writeSubheader(Subheader s, RawSector out)
{
    const std::uint8_t bytes[4] = {s.fileNumber, s.channelNumber, s.submode, s.codingInformation};
    std::memcpy(out.data() + offset::Subheader, bytes, 4);
    std::memcpy(out.data() + offset::Subheader + 4, bytes, 4);
}

void writeEdc(RawSector out, std::size_t from, std::size_t at)
{
    storeLe32(out.data() + at, edc(std::span<const std::uint8_t>(out.data() + from, at - from)));
}

bool edcMatches(ConstRawSector in, std::size_t from, std::size_t at)
{
    return edc(std::span<const std::uint8_t>(in.data() + from, at - from)) == loadLe32(in.data() + at);
}

}  // namespace

void buildAudio(std::span<const std::uint8_t, kRawSectorSize> pcm, RawSector out)
{
    std::copy(pcm.begin(), pcm.end(), out.begin());
}

void buildMode0(std::int32_t lba, RawSector out)
{
    writeSyncAndHeader(lba, 0, out);
    std::fill(out.begin() + offset::Mode2User, out.end(), std::uint8_t{0});
}

void buildMode1(std::int32_t lba, std::span<const std::uint8_t, kMode1UserSize> user, RawSector out)
{
    writeSyncAndHeader(lba, 1, out);
    std::memcpy(out.data() + offset::Mode1User, user.data(), kMode1UserSize);
    writeEdc(out, offset::Sync, offset::Mode1Edc);
    std::memset(out.data() + offset::Mode1Zero, 0, 8);
    writeEcc(out, EccHeader::AsRecorded);
}

void buildMode2Formless(std::int32_t lba, std::span<const std::uint8_t, kMode2UserSize> user, RawSector out)
{
    writeSyncAndHeader(lba, 2, out);
    std::memcpy(out.data() + offset::Mode2User, user.data(), kMode2UserSize);
}

void buildMode2Form1(std::int32_t lba, Subheader subheader, std::span<const std::uint8_t, kForm1UserSize> user,
                     RawSector out)
{
    subheader.submode = static_cast<std::uint8_t>(subheader.submode & ~kSubmodeForm2);
    writeSyncAndHeader(lba, 2, out);
    writeSubheader(subheader, out);
    std::memcpy(out.data() + offset::Form1User, user.data(), kForm1UserSize);
    writeEdc(out, offset::Subheader, offset::Form1Edc);
    writeEcc(out, EccHeader::Zeroed);
}

void buildMode2Form2(std::int32_t lba, Subheader subheader, std::span<const std::uint8_t, kForm2UserSize> user,
                     RawSector out, Form2Edc edcPolicy)
{
    subheader.submode = static_cast<std::uint8_t>(subheader.submode | kSubmodeForm2);
    writeSyncAndHeader(lba, 2, out);
    writeSubheader(subheader, out);
    std::memcpy(out.data() + offset::Form2User, user.data(), kForm2UserSize);
    if (edcPolicy == Form2Edc::Computed)
        writeEdc(out, offset::Subheader, offset::Form2Edc);
    else
        storeLe32(out.data() + offset::Form2Edc, 0);
}

std::size_t userDataSize(SectorMode mode)
{
    switch (mode) {
    case SectorMode::Audio: return kRawSectorSize;
    case SectorMode::Mode0: return kMode2UserSize;
    case SectorMode::Mode1: return kMode1UserSize;
    case SectorMode::Mode2Formless: return kMode2UserSize;
    case SectorMode::Mode2Form1: return kForm1UserSize;
    case SectorMode::Mode2Form2: return kForm2UserSize;
    }
    return 0;
}

std::size_t userDataOffset(SectorMode mode)
{
    switch (mode) {
    case SectorMode::Audio: return 0;
    case SectorMode::Mode0: return offset::Mode2User;
    case SectorMode::Mode1: return offset::Mode1User;
    case SectorMode::Mode2Formless: return offset::Mode2User;
    case SectorMode::Mode2Form1: return offset::Form1User;
    case SectorMode::Mode2Form2: return offset::Form2User;
    }
    return 0;
}

std::span<const std::uint8_t> userData(ConstRawSector sector, SectorMode mode)
{
    return std::span<const std::uint8_t>(sector).subspan(userDataOffset(mode), userDataSize(mode));
}

SectorCheck checkSectorAs(ConstRawSector sector, SectorMode mode)
{
    SectorCheck check;
    check.mode = mode;
    check.edcValid = check.eccValid = true;
    if (mode == SectorMode::Audio) {
        check.syncValid = true;  // PCM has no sync or header to check
        return check;
    }
    check.syncValid = std::equal(sector.begin(), sector.begin() + kSyncSize, kSync);
    const BcdMsf msf{sector[offset::Header], sector[offset::Header + 1], sector[offset::Header + 2]};
    if (isBcd(msf.minute) && isBcd(msf.second) && isBcd(msf.frame) && fromBcd(msf.second) < 60 &&
        fromBcd(msf.frame) < 75) {
        const std::int32_t frames = bcdMsfToFrames(msf);
        // Minutes 90..99 are the lead-in's negative LBAs (see lbaToBcdMsf).
        check.headerLba = fromBcd(msf.minute) >= 90 ? frames - 450150 : frames - mmc::kMsfLbaOffset;
    }
    switch (mode) {
    case SectorMode::Mode1:
        check.edcPresent = true;
        check.edcValid = edcMatches(sector, offset::Sync, offset::Mode1Edc);
        check.eccValid = isEccValid(sector, EccHeader::AsRecorded);
        break;
    case SectorMode::Mode2Form1:
        check.edcPresent = true;
        check.edcValid = edcMatches(sector, offset::Subheader, offset::Form1Edc);
        check.eccValid = isEccValid(sector, EccHeader::Zeroed);
        break;
    case SectorMode::Mode2Form2:
        check.edcPresent = loadLe32(sector.data() + offset::Form2Edc) != 0;
        check.edcValid = !check.edcPresent || edcMatches(sector, offset::Subheader, offset::Form2Edc);
        break;
    case SectorMode::Audio:
    case SectorMode::Mode0:
    case SectorMode::Mode2Formless: break;
    }
    return check;
}

SectorCheck checkSector(ConstRawSector sector)
{
    switch (sector[offset::Mode]) {
    case 0: return checkSectorAs(sector, SectorMode::Mode0);
    case 1: return checkSectorAs(sector, SectorMode::Mode1);
    case 2:
        return checkSectorAs(sector, (sector[offset::Subheader + 2] & kSubmodeForm2) == 0 ? SectorMode::Mode2Form1
                                                                                          : SectorMode::Mode2Form2);
    default: {
        SectorCheck check = checkSectorAs(sector, SectorMode::Mode0);
        check.mode.reset();
        check.edcValid = check.eccValid = false;
        return check;
    }
    }
}

}  // namespace cdcts::emulator::sector
