// Passwords that appear at the top of every published breach list (lower-cased), plus the usual
// variations of the most common words. Anything here is refused at sign-up and password change.
const LIST = `
12345678 123456789 1234567890 12345678910 password password1 password12 password123 password1234
qwertyuiop qwerty123 qwerty1234 1q2w3e4r 1q2w3e4r5t 1qaz2wsx 1qaz2wsx3edc zaq12wsx qazwsxedc
11111111 111111111 1111111111 00000000 000000000 0000000000 88888888 99999999 66666666 12341234
12121212 11223344 123123123 123321123 987654321 87654321 147258369 159753159 123456abc abc12345
abcd1234 a1b2c3d4 aa123456 asdfghjkl asdfasdf asdf1234 zxcvbnm1 zxcvbnm123 iloveyou iloveyou1
iloveyou2 sunshine sunshine1 princess princess1 football football1 baseball basketball superman
batman123 starwars trustno1 letmein1 letmein123 welcome1 welcome123 whatever dragon123 monkey123
master123 michelle jennifer jessica1 charlie1 liverpool chelsea1 arsenal1 computer internet
samsung1 google123 facebook instagram linkedin1 maverick mercedes corvette ferrari1 pokemon1
minecraft fortnite roblox123 spiderman ironman1 pakistan bangladesh nigeria1 australia canada123
london123 england1 scotland newyork1 chocolate butterfly cookie123 flower123 purple123 orange123
banana123 pepper123 freedom1 freedom123 blessed1 blessing jesus123 jesuschrist christ1 godisgood
loveyou1 lovely123 lovers123 myspace1 babygirl babygirl1 hello123 hello1234 helloworld goodluck
passw0rd p@ssw0rd p@ssword pa55word pa55w0rd passpass password! password@ qwerty12 qwertyui
changeme changeme1 default1 administrator admin123 admin1234 adminadmin rootroot root1234
secret12 secret123 mysecret letmein! test1234 testtest test123456 guest123 user1234 login123
summer2024 summer2025 summer2026 winter2024 winter2025 winter2026 spring2025 autumn2025
january1 february march2025 september october1 november december christmas
football12 soccer123 hockey123 tennis123 cricket1 volleyball
michael1 jordan23 thomas12 robert12 daniel12 matthew1 andrew12 joshua12 anthony1 william1
iloveu123 teamo123 tequiero fuckyou1 fuckoff1 asshole1 whatever1 nothing1 killer123 hunter12
shadow12 shadow123 master12 dragon12 monkey12 sunshine12 princess12 tigger12 ginger12 buster12
qwerty12345 1234qwer qwer1234 q1w2e3r4 q1w2e3r4t5 zxcv1234 asdf123456 1234asdf 123qwe123
123abc123 abc123456 abcdefgh abcdefg1 abcdefg123 aaaaaaaa aaaaaaa1 zzzzzzzz xxxxxxxx
commonground common-ground
`;

const WORDS = ["password", "qwerty", "letmein", "welcome", "iloveyou", "monkey", "dragon", "football", "admin", "abc", "login", "master", "hello", "freedom", "shadow", "sunshine", "princess", "charlie", "trustno", "baseball"];
const SUFFIXES = ["", "1", "12", "123", "1234", "12345", "!", "1!", "123!", "2023", "2024", "2025", "2026", "01", "69", "99", "00"];

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  ...LIST.split(/\s+/).filter(Boolean),
  ...WORDS.flatMap((w) => SUFFIXES.map((s) => w + s)),
]);
