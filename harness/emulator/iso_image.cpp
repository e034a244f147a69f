#include "harness/emulator/iso_image.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace cdcts::emulator {
namespace {

class IsoSectorSource final : public SectorSource {
public:
    IsoSectorSource(std::filesystem::path file, int fd) : file_(std::move(file)), fd_(fd) {}
    ~IsoSectorSource() override { ::close(fd_); }
    IsoSectorSource(const IsoSectorSource&) = delete;
    IsoSectorSource& operator=(const IsoSectorSource&) = delete;

    void read(const Track&, std::int32_t lba, std::span<std::uint8_t> out) const override
    {
        const auto offset = static_cast<off_t>(lba) * 2048;
        std::size_t done = 0;
        while (done < out.size()) {
            const ssize_t n = ::pread(fd_, out.data() + done, out.size() - done, offset + static_cast<off_t>(done));
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0)
                throw std::runtime_error(file_.string() + ": cannot read sector " + std::to_string(lba) + ": " +
                                         (n == 0 ? "file shrank" : std::strerror(errno)));
            done += static_cast<std::size_t>(n);
        }
    }

private:
    std::filesystem::path file_;
    int fd_;
};

}  // namespace

std::unique_ptr<Disc> loadIsoImage(const std::filesystem::path& file)
{
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw std::runtime_error(file.string() + ": cannot open ISO image: " + std::strerror(errno));
    auto source = std::make_unique<IsoSectorSource>(file, fd);
    const off_t size = ::lseek(fd, 0, SEEK_END);
    if (size <= 0) throw std::runtime_error(file.string() + ": ISO image is empty");
    if (size % 2048 != 0)
        throw std::runtime_error(file.string() + ": ISO image size " + std::to_string(size) +
                                 " is not a whole number of 2048-byte sectors");
    const auto sectors = static_cast<std::int64_t>(size / 2048);
    // 99:59:74 is the last address a CD can carry.
    if (sectors > 449849) throw std::runtime_error(file.string() + ": ISO image is larger than a CD can address");
    Track t;
    t.length = static_cast<std::uint32_t>(sectors);
    return std::make_unique<Disc>("ISO image " + file.filename().string(), std::vector<Track>{t},
                                  static_cast<std::int32_t>(sectors), std::move(source));
}

}  // namespace cdcts::emulator
