fn main() {
    reverse_wave::start();
}
