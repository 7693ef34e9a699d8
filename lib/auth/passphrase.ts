// Generated passphrases (demo accounts now; nickname-only cohort accounts later): four common
// words from a list of 256, about 32 bits, plus a two-digit number.
import crypto from "node:crypto";

const WORDS = `acorn anchor apple arrow autumn badge bakery balloon bamboo banner barley basket beacon bench berry bicycle
blanket blossom bottle breeze bridge brook bucket butter cabin cactus camera candle canoe canyon carpet castle
cedar chalk cherry cider circle cliff clock cloud clover cobalt comet compass copper coral cotton crayon
cricket crystal cup daisy dawn desert diamond dolphin door dragonfly drum eagle easel echo elbow ember engine
falcon feather fern ferry fiddle field finch fjord flame flute forest fossil fountain fox garden garnet gate
ginger glacier glove goose granite grape grove guitar hammer harbour harvest hazel hedge helmet heron hill
honey horizon island ivory jacket jasmine jelly jigsaw journey kettle kite koala ladder lagoon lantern lark
lemon lily lion lobster locket lotus magnet mango maple marble meadow melon meteor mint mirror mitten
moon morning moss mountain muffin nectar needle nest nutmeg oak oasis ocean olive onion orbit orchard otter
paddle palm panda paper parrot peach pebble pencil pepper piano pillow pine planet plum pocket pond poppy
puzzle quartz quill rabbit radio rain raven reef ribbon river robin rocket rose saddle sail salmon sand
satchel scarf seal shell shore silver sketch sky slate snow sparrow spice spoon spring squirrel star stone
storm straw stream sugar summit sun swan table teapot thistle thunder tiger timber toast tomato torch tower
trail tulip tunnel turtle umbrella valley velvet violin volcano wagon walnut water wave whale wheat willow
window winter wolf wool yarn yellow zebra zephyr zinc meadowlark lilac juniper bluebell cobble tundra`
  .split(/\s+/)
  .filter(Boolean)
  .slice(0, 256);

export function generatePassphrase(): string {
  const words = Array.from({ length: 4 }, () => WORDS[crypto.randomInt(WORDS.length)]);
  return `${words.join("-")}-${crypto.randomInt(10, 100)}`;
}
