namespace ObstacleRegister.BuildingBlocks; public static class Placeholder {}
